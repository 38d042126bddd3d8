/**
 * The network meeting calendar's fixed vocabularies. Codes are stored and
 * sent over the API; the frontend shows them in Swedish or English.
 */

/** Every wall-clock time of the calendar is in this zone. @public */
export const MEETING_TIME_ZONE = 'Europe/Stockholm';

/** @public */
export const MEETING_KINDS = [
  'network-meeting',
  'supervision-group',
  'recovery-college',
  'nordic-cooperation',
  'other',
] as const;
/** @public */
export type MeetingKind = (typeof MEETING_KINDS)[number];

/** Who may answer a meeting. @public */
export const AUDIENCES = ['peers', 'peer-supporters', 'everyone'] as const;
/** @public */
export type Audience = (typeof AUDIENCES)[number];

/** @public */
export const RSVP_ANSWERS = ['yes', 'no', 'maybe'] as const;
/** @public */
export type RsvpAnswer = (typeof RSVP_ANSWERS)[number];

/**
 * Where an answer stands: a yes is `confirmed` (has a place) or
 * `waitlisted`; a no is `declined`; a maybe is `maybe`.
 * @public
 */
export const RSVP_STATUSES = [
  'confirmed',
  'waitlisted',
  'declined',
  'maybe',
] as const;
/** @public */
export type RsvpStatus = (typeof RSVP_STATUSES)[number];

/** @public */
export const RECURRENCE_FREQUENCIES = ['weekly', 'monthly'] as const;
/** @public */
export type RecurrenceFrequency = (typeof RECURRENCE_FREQUENCIES)[number];

/** Occurrences of a series are created this many months ahead, at most. @public */
export const MAX_SERIES_MONTHS = 12;

/** @public */
export const OCCURRENCE_STATUSES = ['scheduled', 'cancelled'] as const;
/** @public */
export type OccurrenceStatus = (typeof OCCURRENCE_STATUSES)[number];

/** Topic on the events service when attendance is marked. @public */
export const ATTENDANCE_RECORDED_TOPIC = 'network-meetings.attendance-recorded';
