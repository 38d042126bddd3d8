/**
 * The peer directory's fixed vocabularies. Codes are stored and sent over
 * the API; the frontend shows them in Swedish or English.
 */

/** @public */
export const PROFILE_ROLES = ['peer', 'peer-supporter'] as const;
/** @public */
export type ProfileRole = (typeof PROFILE_ROLES)[number];

/** Lived experience: one's own, or as a relative (anhörig/närstående). Sensitive. @public */
export const EXPERIENCES = ['own', 'relative'] as const;
/** @public */
export type Experience = (typeof EXPERIENCES)[number];

/** How a peer supporter meets patients. @public */
export const SUPPORT_MODES = [
  'ward',
  'outpatient',
  'video',
  'walk-and-talk',
] as const;
/** @public */
export type SupportMode = (typeof SUPPORT_MODES)[number];

/** What a peer supporter supports patients with (from Region Skåne's description). @public */
export const SUPPORT_TOPICS = [
  'strengths',
  'self-image',
  'diagnosis-and-personality',
  'accepting-diagnosis',
] as const;
/** @public */
export type SupportTopic = (typeof SUPPORT_TOPICS)[number];

/** Kinds of assignment a peer can take (shared with the assignment board). @public */
export const ASSIGNMENT_TYPES = [
  'share-story',
  'co-development',
  'improvement-work',
  'workshop-or-course',
  'recovery-college-course-leader',
  'user-audit',
  'other',
] as const;
/** @public */
export type AssignmentType = (typeof ASSIGNMENT_TYPES)[number];

/** @public */
export const AVAILABILITIES = ['available', 'limited', 'paused'] as const;
/** @public */
export type Availability = (typeof AVAILABILITIES)[number];

/** A membership of the network, from interest to leaving. @public */
export const MEMBERSHIP_STATUSES = [
  'interested',
  'in-training',
  'active',
  'paused',
  'left',
] as const;
/** @public */
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

/** @public */
export const TRAINING_KINDS = [
  'nsph-peer-support',
  'recovery-college-peer',
  'supervision',
  'other',
] as const;
/** @public */
export type TrainingKind = (typeof TRAINING_KINDS)[number];

/**
 * Languages a person can support in, as ISO 639 codes: Sweden's national
 * minority languages and the languages most spoken by patients.
 * @public
 */
export const LANGUAGES = [
  'sv',
  'en',
  'fi',
  'se',
  'yi',
  'rom',
  'fit',
  'ar',
  'fa',
  'so',
  'ti',
  'ku',
  'bs',
  'pl',
  'es',
  'de',
  'uk',
  'ru',
  'tr',
  'sgn-sv',
] as const;
/** @public */
export type Language = (typeof LANGUAGES)[number];
