import {
  Availability,
  Experience,
  Language,
  MembershipStatus,
  ProfileRole,
  SupportMode,
  SupportTopic,
  AssignmentType,
  TrainingKind,
} from './vocabulary';

/** A training record: a course completed, or supervision taken. @public */
export type TrainingRecord = {
  id: string;
  kind: TrainingKind;
  /** ISO date (YYYY-MM-DD) the training was completed. */
  completedOn: string;
  certified: boolean;
  note?: string;
  recordedBy: string;
  recordedAt: string;
};

/** One change of membership status. @public */
export type StatusChange = {
  status: MembershipStatus;
  reason?: string;
  changedBy: string;
  changedAt: string;
};

/** The sensitive fields a person can consent to show. @public */
export type SensitiveField = 'experience' | 'story';

/** What a person currently consents to show, per sensitive field. @public */
export type ConsentState = Record<SensitiveField, boolean>;

/** One entry of the consent ledger. @public */
export type ConsentEvent = {
  field: SensitiveField;
  granted: boolean;
  at: string;
};

/**
 * A profile as others see it. `experience` and `story` are present only when
 * the person consents to show them and the viewer is signed-in staff.
 * @public
 */
export type Profile = {
  id: string;
  userRef: string;
  displayName: string;
  role: ProfileRole;
  region: string;
  units: string[];
  languages: Language[];
  supportModes: SupportMode[];
  topics: SupportTopic[];
  assignmentTypes: AssignmentType[];
  availability: Availability;
  pausedUntil: string | null;
  membershipStatus: MembershipStatus;
  trainings: TrainingRecord[];
  updatedAt: string;
  experience?: Experience[];
  story?: string;
};

/** The signed-in person's own profile, with everything held about it. @public */
export type OwnProfile = Profile & {
  experience: Experience[];
  story: string;
  consent: ConsentState;
  consentHistory: ConsentEvent[];
  statusHistory: StatusChange[];
};

/** A page of profiles. @public */
export type ProfileList = {
  items: Profile[];
  totalCount: number;
  nextCursor?: string;
};

/** Peer support available in one unit. @public */
export type UnitCoverage = {
  unit: string;
  activePeerSupporters: number;
  modes: SupportMode[];
  peersAvailable: number;
};

/** Peer support available in one region, unit by unit. @public */
export type RegionCoverage = {
  region: string;
  activePeerSupporters: number;
  peersAvailable: number;
  modes: SupportMode[];
  units: UnitCoverage[];
};

/** @public */
export type CoverageResponse = { regions: RegionCoverage[] };

/** A person in the onboarding queue (interest registered, or in training). @public */
export type OnboardingEntry = {
  id: string;
  userRef: string;
  displayName: string;
  role: ProfileRole;
  region: string;
  membershipStatus: MembershipStatus;
  message?: string;
  registeredAt: string;
  trainings: TrainingRecord[];
};

/**
 * The topic the directory publishes on when what its listing shows has
 * changed (a profile edited, a status changed, a person erased or removed
 * by retention), so that search re-indexes at once. The payload names no
 * person. @public
 */
export const PEER_DIRECTORY_PROFILES_TOPIC = 'peer-directory.profiles-changed';

/** The payload of {@link PEER_DIRECTORY_PROFILES_TOPIC}. @public */
export type ProfilesChangedEvent = {
  reason: 'profile' | 'status' | 'erasure' | 'retention';
};
