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

/**
 * Assignment types as the booking form names them, in the portal's two
 * languages: for the places outside the board that show a type by its
 * name (the evaluation's dashboards and its CSV exports). @public
 */
export const ASSIGNMENT_TYPE_TITLES: Record<
  'sv' | 'en',
  Record<AssignmentType, string>
> = {
  sv: {
    'share-story': 'Dela sin berättelse för medarbetare',
    'co-development':
      'Utveckla informationsmaterial, vårdtjänster eller digitala verktyg',
    'improvement-work': 'Förbättringsarbete',
    'workshop-or-course': 'Workshop, seminarium, kurs eller konferens',
    'recovery-college-course-leader': 'Kursledare på Recovery College',
    'user-audit': 'Brukarrevision',
    other: 'Annat',
  },
  en: {
    'share-story': 'Share one’s story with staff',
    'co-development': 'Co-develop material, services or tools',
    'improvement-work': 'Improvement work',
    'workshop-or-course': 'Workshop, seminar, course or conference',
    'recovery-college-course-leader': 'Recovery College course leader',
    'user-audit': 'User audit',
    other: 'Other',
  },
};

/**
 * The name of an assignment type in a language (`en`, else Swedish); the
 * code itself if it is not a known type. @public
 */
export function assignmentTypeTitle(code: string, language: string): string {
  const titles = ASSIGNMENT_TYPE_TITLES[language === 'en' ? 'en' : 'sv'];
  return (titles as Record<string, string>)[code] ?? code;
}
