/*
 * fast-check arbitraries of valid inputs, one beside each schema of
 * ../schemas.ts (tests only: the reliability suite mutates them into
 * wrong ones and sends them to every route).
 */
import fc from 'fast-check';
import {
  groupNameArb,
  isoDateArb,
} from '@internal/plugin-portal-common/testUtils';
import {
  METRIC_GROUP_BY,
  SESSION_KINDS,
  SESSION_MODES,
  SESSION_TOPICS,
} from '../vocabulary';

const monthArb = fc
  .record({
    y: fc.integer({ min: 2000, max: 2100 }),
    m: fc.integer({ min: 1, max: 12 }),
  })
  .map(({ y, m }) => `${y}-${String(m).padStart(2, '0')}`);

/** metricsQuerySchema (values as a query string gives them). */
export const metricsQueryArb = fc
  .tuple(
    fc.record(
      {
        groupBy: fc.constantFrom(...METRIC_GROUP_BY),
        region: groupNameArb,
        unit: groupNameArb,
        type: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,30}$/),
      },
      { requiredKeys: [] },
    ),
    fc.option(
      fc
        .tuple(monthArb, fc.integer({ min: 0, max: 119 }))
        .map(([from, span]) => {
          const [y, m] = from.split('-').map(Number);
          const end = y * 12 + (m - 1) + span;
          const to = `${Math.floor(end / 12)}-${String((end % 12) + 1).padStart(
            2,
            '0',
          )}`;
          return { from, to };
        }),
      { nil: undefined },
    ),
  )
  .map(([q, period]) => ({ ...q, ...(period ?? {}) }));

/** supportSessionSchema. */
export const supportSessionArb = fc.record({
  date: isoDateArb,
  unit: groupNameArb,
  mode: fc.constantFrom(...SESSION_MODES),
  minutes: fc.integer({ min: 5, max: 480 }),
  topic: fc.constantFrom(...SESSION_TOPICS),
  kind: fc.constantFrom(...SESSION_KINDS),
});

/** outcomeInputSchema. */
export const outcomeInputArb = fc
  .tuple(
    fc.tuple(isoDateArb, isoDateArb),
    groupNameArb,
    fc.record(
      {
        inpatientDays: fc.integer({ min: 0, max: 10_000_000 }),
        averageLengthOfStay: fc.double({ min: 0, max: 3650, noNaN: true }),
        selfStigmaScore: fc.double({ min: 0, max: 1000, noNaN: true }),
        selfStigmaRespondents: fc.integer({ min: 0, max: 1000 }),
        peerSupportStartedOn: isoDateArb,
      },
      { requiredKeys: [] },
    ),
  )
  .map(([[a, b], unit, rest]) => {
    const out: Record<string, unknown> = {
      unit,
      periodStart: a <= b ? a : b,
      periodEnd: a <= b ? b : a,
      ...rest,
    };
    if (
      out.selfStigmaScore !== undefined &&
      out.selfStigmaRespondents === undefined
    ) {
      out.selfStigmaRespondents = 10;
    }
    return out;
  });

/** outcomeQuerySchema. */
export const outcomeQueryArb = fc.record(
  { region: groupNameArb, unit: groupNameArb },
  { requiredKeys: [] },
);

/** ownSessionsQuerySchema. */
export const ownSessionsQueryArb = fc.record(
  { limit: fc.integer({ min: 1, max: 100 }).map(String) },
  { requiredKeys: [] },
);
