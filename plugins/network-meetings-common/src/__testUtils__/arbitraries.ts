/*
 * fast-check arbitraries of valid inputs, one beside each schema of
 * ../schemas.ts (tests only: the reliability suite mutates them into
 * wrong ones and sends them to every route).
 */
import fc from 'fast-check';
import {
  groupNameArb,
  localDateTimeOn,
  nearDateArb,
  plainTextArb,
  uuidArb,
} from '@internal/plugin-portal-common/testUtils';
import {
  AUDIENCES,
  MEETING_KINDS,
  RECURRENCE_FREQUENCIES,
  RSVP_ANSWERS,
} from '../vocabulary';

const userRefArb = fc
  .stringMatching(/^[a-z0-9][a-z0-9._-]{0,20}$/)
  .map(name => `user:default/${name}`);

/** start < end on one day. */
const timesArb = nearDateArb.chain(day =>
  fc
    .tuple(localDateTimeOn(day), localDateTimeOn(day))
    .filter(([a, b]) => a !== b)
    .map(([a, b]) => (a < b ? { start: a, end: b } : { start: b, end: a })),
);

const sharedFields = {
  title: plainTextArb({ minLength: 1, maxLength: 200, trimmed: true }),
  kind: fc.constantFrom(...MEETING_KINDS),
  agenda: fc.array(
    plainTextArb({ minLength: 1, maxLength: 500, trimmed: true }),
    {
      maxLength: 5,
    },
  ),
  region: fc.option(groupNameArb, { nil: null }),
  audience: fc.constantFrom(...AUDIENCES),
  capacity: fc.option(fc.integer({ min: 1, max: 2000 }), { nil: null }),
};

/** meetingCreateSchema. */
export const meetingCreateArb = fc
  .tuple(
    fc.record(sharedFields),
    timesArb,
    fc.record(
      {
        place: plainTextArb({ minLength: 1, maxLength: 300, trimmed: true }),
        videoUrl: fc.constantFrom('https://meet.example.se/natverk'),
      },
      { requiredKeys: ['place'] },
    ),
    fc.option(
      fc.record({
        frequency: fc.constantFrom(...RECURRENCE_FREQUENCIES),
        interval: fc.integer({ min: 1, max: 3 }),
        count: fc.integer({ min: 2, max: 6 }),
      }),
      { nil: null },
    ),
    fc.boolean(),
  )
  .map(([shared, times, where, recurrence, deadline]) => ({
    ...shared,
    ...times,
    ...where,
    rsvpDeadline: deadline ? times.start.slice(0, 10) : null,
    recurrence,
  }));

/** meetingPatchSchema. */
export const meetingPatchArb = fc
  .tuple(
    fc.record(
      {
        title: sharedFields.title,
        kind: sharedFields.kind,
        agenda: sharedFields.agenda,
        place: plainTextArb({ minLength: 1, maxLength: 300, trimmed: true }),
        capacity: sharedFields.capacity,
      },
      { requiredKeys: [] },
    ),
    fc.option(timesArb, { nil: undefined }),
  )
  .map(([fields, times]) => ({ ...fields, ...(times ?? {}) }))
  .filter(p => Object.keys(p).length > 0);

/** meetingCancelQuerySchema. */
export const meetingCancelQueryArb = fc.record(
  { scope: fc.constantFrom('occurrence', 'series') },
  { requiredKeys: [] },
);

/** meetingQuerySchema (values as a query string gives them). */
export const meetingQueryArb = fc
  .record(
    {
      from: nearDateArb,
      to: nearDateArb,
      region: groupNameArb,
      kind: fc.constantFrom(...MEETING_KINDS),
      audience: fc.constantFrom(...AUDIENCES),
      mine: fc.constantFrom('true', 'false'),
      limit: fc.integer({ min: 1, max: 100 }).map(String),
    },
    { requiredKeys: [] },
  )
  .filter(q => !q.from || !q.to || q.from <= q.to);

/** meetingIdSchema: a meeting, or one meeting of a series. */
export const meetingIdArb = fc.oneof(
  uuidArb,
  fc
    .tuple(uuidArb, nearDateArb)
    .map(([id, day]) => `${id}_${day.replace(/-/g, '')}`),
);

/** rsvpSchema. */
export const rsvpArb = fc.record(
  {
    answer: fc.constantFrom(...RSVP_ANSWERS),
    needs: plainTextArb({ maxLength: 500, trimmed: true }),
  },
  { requiredKeys: ['answer'] },
);

/** attendanceSchema. */
export const attendanceArb = fc.record({
  attendees: fc.uniqueArray(
    fc.record({ userRef: userRefArb, attended: fc.boolean() }),
    { minLength: 1, maxLength: 10, selector: a => a.userRef },
  ),
});

/** factsQuerySchema. */
export const factsQueryArb = fc.record(
  {
    after: fc.integer({ min: 0, max: 1e9 }).map(String),
    limit: fc.integer({ min: 1, max: 100 }).map(String),
  },
  { requiredKeys: [] },
);

/** feedFileSchema: a token and `.ics`. */
export const feedFileArb = fc
  .stringMatching(/^[A-Za-z0-9_-]{43}$/)
  .map(token => `${token}.ics`);
