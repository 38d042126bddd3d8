import { DatabaseMeetingStore } from '../database/DatabaseMeetingStore';
import { Notifier } from '../service/Notifier';

/** The scheduler task's id: a global task, run once across replicas. */
export const REMINDER_TASK_ID = 'network-meetings-reminders';

/**
 * Sends the reminders due now (a week and a day before, to those with a
 * place). Each reminder is recorded under a unique key before it is sent,
 * so a run repeated, or run on two replicas at once, never sends one twice.
 * The store's clock decides what "now" is.
 */
export async function sendReminders(options: {
  store: DatabaseMeetingStore;
  notifier: Notifier;
}): Promise<number> {
  const batches = await options.store.claimReminders();
  await options.notifier.reminders(batches);
  return batches.reduce((n, b) => n + b.userRefs.length, 0);
}
