/**
 * The network meeting calendar's backend plugin.
 *
 * @packageDocumentation
 */
export { networkMeetingsPlugin as default } from './plugin';
export { DatabaseMeetingStore } from './database/DatabaseMeetingStore';
export type { Viewer } from './database/DatabaseMeetingStore';
export { sendReminders, REMINDER_TASK_ID } from './reminders/reminders';
