/**
 * The assignment board's fixed vocabularies. Codes are stored and sent over
 * the API; the frontend shows them in Swedish or English.
 */
import {
  ASSIGNMENT_TYPES,
  AssignmentType,
  LANGUAGES,
  Language,
} from '@internal/plugin-peer-directory-common';

export { ASSIGNMENT_TYPES, LANGUAGES };
export type { AssignmentType, Language };

/**
 * The life of an assignment:
 * `requested → open → staffed → completed → approved → exported`,
 * or `declined` / `cancelled` on the way.
 * @public
 */
export const ASSIGNMENT_STATES = [
  'requested',
  'open',
  'staffed',
  'completed',
  'approved',
  'exported',
  'declined',
  'cancelled',
] as const;
/** @public */
export type AssignmentState = (typeof ASSIGNMENT_STATES)[number];

/** What a caller can ask of POST /assignments/:id/transitions. @public */
export const TRANSITION_ACTIONS = [
  'publish',
  'request-changes',
  'decline',
  'mark-staffed',
  'cancel',
  'complete',
  'approve',
] as const;
/** @public */
export type TransitionAction = (typeof TRANSITION_ACTIONS)[number];

/** Lived experience the unit asks for. @public */
export const EXPERIENCE_WANTED = ['own', 'relative', 'either'] as const;
/** @public */
export type ExperienceWanted = (typeof EXPERIENCE_WANTED)[number];

/** Where the work happens: a place, a video link, or both. @public */
export const ASSIGNMENT_FORMATS = ['on-site', 'digital'] as const;
/** @public */
export type AssignmentFormat = (typeof ASSIGNMENT_FORMATS)[number];

/** Which list of GET /assignments. @public */
export const ASSIGNMENT_VIEWS = [
  /** Open assignments, for everyone. */
  'board',
  /** Assignments the caller has shown interest in or been selected for. */
  'mine',
  /** Assignments of the caller's units, or that the caller booked. */
  'unit',
  /** Requests waiting for a coordinator (coordinators). */
  'review',
  /** Every assignment in any state (coordinators). */
  'all',
] as const;
/** @public */
export type AssignmentView = (typeof ASSIGNMENT_VIEWS)[number];

/** @public */
export const ASSIGNMENT_SORTS = ['date', 'deadline', 'suits-me'] as const;
/** @public */
export type AssignmentSort = (typeof ASSIGNMENT_SORTS)[number];

/** A peer's standing on one assignment. @public */
export const INTEREST_STATUSES = [
  'interested',
  'selected',
  'withdrawn',
] as const;
/** @public */
export type InterestStatus = (typeof INTEREST_STATUSES)[number];

/** @public */
export const HONORARIUM_STATES = ['pending', 'approved', 'exported'] as const;
/** @public */
export type HonorariumState = (typeof HONORARIUM_STATES)[number];

/** The time zone all wall-clock times of the portal are in. @public */
export const PORTAL_TIME_ZONE = 'Europe/Stockholm';
