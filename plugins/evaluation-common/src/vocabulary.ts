/**
 * The evaluation's fixed vocabularies. Codes are stored and sent over the
 * API; the frontend shows them in Swedish or English.
 */

/** Where a support session took place. @public */
export const SESSION_MODES = [
  'ward',
  'outpatient',
  'video',
  'walk-and-talk',
] as const;
/** @public */
export type SessionMode = (typeof SESSION_MODES)[number];

/** What a support session was mainly about. @public */
export const SESSION_TOPICS = [
  'strengths',
  'self-image',
  'diagnosis-and-personality',
  'accepting-diagnosis',
  'other',
] as const;
/** @public */
export type SessionTopic = (typeof SESSION_TOPICS)[number];

/** A first meeting with the patient, or a follow-up. @public */
export const SESSION_KINDS = ['first', 'follow-up'] as const;
/** @public */
export type SessionKind = (typeof SESSION_KINDS)[number];

/** How GET /metrics groups its rows. @public */
export const METRIC_GROUP_BY = [
  'month',
  'quarter',
  'region',
  'unit',
  'type',
] as const;
/** @public */
export type MetricGroupBy = (typeof METRIC_GROUP_BY)[number];

/** Recovery instruments whose aggregate a unit may report. @public */
export const RECOVERY_INSTRUMENTS = ['RAS', 'QPR'] as const;
/** @public */
export type RecoveryInstrument = (typeof RECOVERY_INSTRUMENTS)[number];

/** The time zone of every period of the evaluation. @public */
export const EVALUATION_TIME_ZONE = 'Europe/Stockholm';
