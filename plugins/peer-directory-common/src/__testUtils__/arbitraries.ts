/*
 * fast-check arbitraries of valid inputs, one beside each schema of
 * ../schemas.ts (tests only: the reliability suite mutates them into
 * wrong ones and sends them to every route).
 */
import fc from 'fast-check';
import {
  groupNameArb,
  isoDateArb,
  plainTextArb,
  subsetArb,
  userRefArb,
  uuidArb,
} from '@internal/plugin-portal-common/testUtils';
import {
  ASSIGNMENT_TYPES,
  AVAILABILITIES,
  EXPERIENCES,
  LANGUAGES,
  MEMBERSHIP_STATUSES,
  PROFILE_ROLES,
  SUPPORT_MODES,
  SUPPORT_TOPICS,
  TRAINING_KINDS,
} from '../vocabulary';

/** profileQuerySchema (values as a query string gives them). */
export const profileQueryArb = fc.record(
  {
    q: plainTextArb({ maxLength: 200 }),
    region: groupNameArb,
    unit: groupNameArb,
    role: fc.constantFrom(...PROFILE_ROLES),
    language: fc.constantFrom(...LANGUAGES),
    mode: fc.constantFrom(...SUPPORT_MODES),
    assignmentType: fc.constantFrom(...ASSIGNMENT_TYPES),
    availability: fc.constantFrom(...AVAILABILITIES),
    training: fc.constantFrom(...TRAINING_KINDS),
    userRef: fc.oneof(
      userRefArb,
      fc.array(userRefArb, { minLength: 1, maxLength: 5 }),
    ),
    limit: fc.integer({ min: 1, max: 100 }).map(String),
  },
  { requiredKeys: [] },
);

/** ownProfileUpdateSchema. */
export const ownProfileUpdateArb = fc
  .record({
    displayName: plainTextArb({ minLength: 1, maxLength: 100, trimmed: true }),
    region: groupNameArb,
    units: fc.uniqueArray(groupNameArb, { maxLength: 10 }),
    languages: subsetArb(LANGUAGES),
    supportModes: subsetArb(SUPPORT_MODES),
    topics: subsetArb(SUPPORT_TOPICS),
    assignmentTypes: subsetArb(ASSIGNMENT_TYPES),
    availability: fc.constantFrom(...AVAILABILITIES),
    pausedUntil: fc.option(isoDateArb, { nil: null }),
    experience: subsetArb(EXPERIENCES),
    story: plainTextArb({ maxLength: 2000 }),
  })
  .filter(p => p.availability !== 'paused' || p.pausedUntil !== null);

/** consentUpdateSchema. */
export const consentUpdateArb = fc.record({
  experience: fc.boolean(),
  story: fc.boolean(),
});

/** interestSchema. */
export const interestArb = fc.record(
  {
    role: fc.constantFrom(...PROFILE_ROLES),
    region: groupNameArb,
    message: plainTextArb({ maxLength: 1000 }),
  },
  { requiredKeys: ['role', 'region'] },
);

/** statusChangeSchema. */
export const statusChangeArb = fc.record(
  {
    status: fc.constantFrom(...MEMBERSHIP_STATUSES),
    reason: plainTextArb({ maxLength: 500 }),
  },
  { requiredKeys: ['status'] },
);

/** trainingSchema. */
export const trainingArb = fc.record(
  {
    kind: fc.constantFrom(...TRAINING_KINDS),
    completedOn: isoDateArb,
    certified: fc.boolean(),
    note: plainTextArb({ maxLength: 500 }),
  },
  { requiredKeys: ['kind', 'completedOn', 'certified'] },
);

/** profileIdSchema. */
export const profileIdArb = uuidArb;

/** coverageQuerySchema. */
export const coverageQueryArb = fc.record(
  { region: groupNameArb },
  { requiredKeys: [] },
);
