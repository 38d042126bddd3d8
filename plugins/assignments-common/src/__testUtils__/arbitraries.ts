/*
 * fast-check arbitraries of valid inputs, one beside each schema of
 * ../schemas.ts (tests only: the reliability suite mutates them into
 * wrong ones and sends them to every route).
 */
import fc from 'fast-check';
import {
  groupNameArb,
  isoDateArb,
  localDateTimeOn,
  nearDateArb,
  plainTextArb,
  userRefArb,
  uuidArb,
} from '@internal/plugin-portal-common/testUtils';
import {
  ASSIGNMENT_FORMATS,
  ASSIGNMENT_SORTS,
  ASSIGNMENT_STATES,
  ASSIGNMENT_TYPES,
  ASSIGNMENT_VIEWS,
  EXPERIENCE_WANTED,
  HONORARIUM_STATES,
  LANGUAGES,
} from '../vocabulary';

const quarterHoursArb = (min: number, max: number) =>
  fc.integer({ min: min * 4, max: max * 4 }).map(q => q / 4);

/** One slot on a day: start before end, both on that day. */
const slotArb = nearDateArb.chain(day =>
  fc
    .tuple(localDateTimeOn(day), localDateTimeOn(day))
    .filter(([a, b]) => a !== b)
    .map(([a, b]) => (a < b ? { start: a, end: b } : { start: b, end: a })),
);

const emailArb = fc
  .tuple(
    fc.stringMatching(/^[a-z][a-z0-9.]{0,20}[a-z0-9]$/),
    fc.constantFrom('example.se', 'regionskane.se', 'vgregion.se'),
  )
  .filter(([local]) => !local.includes('..'))
  .map(([local, domain]) => `${local}@${domain}`);

const bookingFieldsArb = {
  title: plainTextArb({ minLength: 3, maxLength: 120, trimmed: true }),
  type: fc.constantFrom(...ASSIGNMENT_TYPES),
  description: plainTextArb({ minLength: 10, maxLength: 4000, trimmed: true }),
  unit: groupNameArb,
  contactName: plainTextArb({ minLength: 2, maxLength: 100, trimmed: true }),
  contactEmail: emailArb,
  contactPhone: fc.stringMatching(/^\+?[0-9]{5,15}$/),
  place: plainTextArb({ minLength: 2, maxLength: 200, trimmed: true }),
  digitalLink: fc.constantFrom(
    'https://meet.example.se/abc',
    'https://teams.example.se/l/x?y=1',
  ),
  slots: fc.array(slotArb, { minLength: 1, maxLength: 5 }),
  estimatedHours: quarterHoursArb(0.25, 200),
  peersWanted: fc.integer({ min: 1, max: 20 }),
  experienceWanted: fc.constantFrom(...EXPERIENCE_WANTED),
  language: fc.constantFrom(...LANGUAGES),
  costCentre: fc.stringMatching(/^[A-Za-z0-9-]{2,20}$/),
};

/** bookingSchema: the booking form. */
export const bookingArb = fc
  .tuple(
    fc.record({
      title: bookingFieldsArb.title,
      type: bookingFieldsArb.type,
      description: bookingFieldsArb.description,
      unit: bookingFieldsArb.unit,
      contactName: bookingFieldsArb.contactName,
      contactEmail: bookingFieldsArb.contactEmail,
      slots: bookingFieldsArb.slots,
      estimatedHours: bookingFieldsArb.estimatedHours,
      peersWanted: bookingFieldsArb.peersWanted,
      experienceWanted: bookingFieldsArb.experienceWanted,
      language: bookingFieldsArb.language,
      costCentre: bookingFieldsArb.costCentre,
    }),
    fc.record(
      {
        contactPhone: bookingFieldsArb.contactPhone,
        place: bookingFieldsArb.place,
        digitalLink: bookingFieldsArb.digitalLink,
      },
      { requiredKeys: [] },
    ),
    fc.integer({ min: 0, max: 30 }),
  )
  .map(([required, optional, deadlineDaysBefore]) => {
    const first = required.slots
      .map(s => s.start)
      .sort()[0]
      .slice(0, 10);
    const interestDeadline = new Date(
      Date.parse(`${first}T00:00:00Z`) - deadlineDaysBefore * 86_400_000,
    )
      .toISOString()
      .slice(0, 10);
    const located =
      optional.place === undefined && optional.digitalLink === undefined
        ? { place: 'Konferensrum 3' }
        : {};
    return { ...required, ...optional, ...located, interestDeadline };
  });

/** bookingUpdateSchema: some fields of the form, null clears an optional one. */
export const bookingUpdateArb = fc
  .record(
    {
      title: bookingFieldsArb.title,
      description: bookingFieldsArb.description,
      contactName: bookingFieldsArb.contactName,
      contactPhone: fc.option(bookingFieldsArb.contactPhone, { nil: null }),
      place: fc.option(bookingFieldsArb.place, { nil: null }),
      estimatedHours: bookingFieldsArb.estimatedHours,
      peersWanted: bookingFieldsArb.peersWanted,
      language: bookingFieldsArb.language,
      costCentre: bookingFieldsArb.costCentre,
    },
    { requiredKeys: [] },
  )
  .filter(u => Object.keys(u).length > 0);

/** assignmentQuerySchema (values as a query string gives them). */
export const assignmentQueryArb = fc
  .record(
    {
      view: fc.constantFrom(...ASSIGNMENT_VIEWS),
      state: fc.oneof(
        fc.constantFrom(...ASSIGNMENT_STATES),
        fc.uniqueArray(fc.constantFrom(...ASSIGNMENT_STATES), {
          minLength: 1,
          maxLength: 3,
        }),
      ),
      type: fc.constantFrom(...ASSIGNMENT_TYPES),
      region: groupNameArb,
      unit: groupNameArb,
      experience: fc.constantFrom(...EXPERIENCE_WANTED),
      format: fc.constantFrom(...ASSIGNMENT_FORMATS),
      from: isoDateArb,
      to: isoDateArb,
      q: plainTextArb({ maxLength: 100, trimmed: true }),
      sort: fc.constantFrom(...ASSIGNMENT_SORTS.filter(s => s !== 'suits-me')),
      limit: fc.integer({ min: 1, max: 100 }).map(String),
    },
    { requiredKeys: [] },
  )
  .filter(q => !q.from || !q.to || q.from <= q.to);

/** interestRequestSchema. */
export const interestRequestArb = fc.record(
  { message: plainTextArb({ maxLength: 1000, trimmed: true }) },
  { requiredKeys: [] },
);

/** selectionSchema. */
export const selectionArb = fc.record({ userRef: userRefArb });

const reasonArb = plainTextArb({
  minLength: 3,
  maxLength: 1000,
  trimmed: true,
});

/** transitionSchema. */
export const transitionArb = fc.oneof(
  fc.constantFrom(
    { action: 'publish' },
    { action: 'mark-staffed' },
    { action: 'approve' },
  ),
  fc.record({
    action: fc.constantFrom('request-changes', 'decline', 'cancel'),
    reason: reasonArb,
  }),
  fc.record({
    action: fc.constant('complete'),
    peers: fc.uniqueArray(
      fc.record({
        userRef: userRefArb,
        actualHours: quarterHoursArb(0.25, 200),
        travel: fc.boolean(),
      }),
      { minLength: 1, maxLength: 5, selector: p => p.userRef },
    ),
  }),
);

/** feedbackSchema. */
export const feedbackArb = fc.record(
  {
    rating: fc.integer({ min: 1, max: 5 }),
    comment: plainTextArb({ maxLength: 2000, trimmed: true }),
  },
  { requiredKeys: ['rating'] },
);

/** honorariumQuerySchema. */
export const honorariumQueryArb = fc.record(
  {
    state: fc.constantFrom(...HONORARIUM_STATES),
    from: isoDateArb,
    to: isoDateArb,
  },
  { requiredKeys: [] },
);

/** exportQuerySchema: a period, or an earlier batch. */
export const exportQueryArb = fc.oneof(
  fc
    .tuple(isoDateArb, isoDateArb)
    .map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a })),
  fc.record({ batch: uuidArb }),
);

/** factQuerySchema. */
export const factQueryArb = fc.record(
  {
    after: fc.integer({ min: 0, max: 1e9 }).map(String),
    limit: fc.integer({ min: 1, max: 1000 }).map(String),
  },
  { requiredKeys: [] },
);

/** assignmentIdSchema. */
export const assignmentIdArb = uuidArb;
