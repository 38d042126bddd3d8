import { z } from 'zod';
import { groupNameSchema, isoDate } from '@internal/plugin-portal-common';
import {
  METRIC_GROUP_BY,
  RECOVERY_INSTRUMENTS,
  SESSION_KINDS,
  SESSION_MODES,
  SESSION_TOPICS,
} from './vocabulary';

/** The longest period one query may cover, in months (ten years). @public */
export const MAX_PERIOD_MONTHS = 120;

/** A calendar month, `YYYY-MM` (Europe/Stockholm). @public */
export const yearMonth = z
  .string()
  .regex(/^\d{4}-\d{2}$/, 'must be a month as YYYY-MM')
  .refine(value => {
    // Zod runs refinements even when the pattern failed: check again.
    const match = /^(\d{4})-(\d{2})$/.exec(value);
    return (
      !!match &&
      Number(match[1]) >= 2000 &&
      Number(match[2]) >= 1 &&
      Number(match[2]) <= 12
    );
  }, 'must be a real month from 2000 on');

/** The number of months from `from` to `to`, both included. @public */
export function monthSpan(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  return (ty - fy) * 12 + (tm - fm) + 1;
}

/** An assignment type code, as the assignment board sends it. */
const typeCode = z
  .string()
  .max(40)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be an assignment type code');

const metricsQueryFields = {
  from: yearMonth.optional(),
  to: yearMonth.optional(),
  groupBy: z.enum(METRIC_GROUP_BY).default('month'),
  region: groupNameSchema.optional(),
  unit: groupNameSchema.optional(),
  type: typeCode.optional(),
};

/** Both ends of a period or neither; `to` not before `from`; at most ten years. */
function checkPeriod(
  q: { from?: string; to?: string },
  ctx: z.core.$RefinementCtx,
) {
  if (!q.from || !q.to) {
    if (!!q.from !== !!q.to) {
      ctx.addIssue({
        code: 'custom',
        path: [q.from ? 'to' : 'from'],
        message: 'must be given together with the other end of the period',
      });
    }
    return;
  }
  const span = monthSpan(q.from, q.to);
  if (span < 1) {
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      message: 'must not be before from',
    });
  } else if (span > MAX_PERIOD_MONTHS) {
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      message: `must be at most ${MAX_PERIOD_MONTHS} months after from`,
    });
  }
}

/**
 * Query of GET /metrics. Periods are whole months in Europe/Stockholm, both
 * ends included; without them, the last 12 months up to and including the
 * current one.
 * @public
 */
export const metricsQuerySchema = z
  .object(metricsQueryFields)
  .strict()
  .superRefine(checkPeriod);
/** @public */
export type MetricsQuery = z.infer<typeof metricsQuerySchema>;

/** The languages of the CSV export: Swedish first, English second. @public */
export const EXPORT_LANGUAGES = ['sv', 'en'] as const;

/**
 * Query of GET /export.csv: the dashboard's query and the language of the
 * screen it was exported from (headers, unit and type names).
 * @public
 */
export const exportQuerySchema = z
  .object({
    ...metricsQueryFields,
    lang: z.enum(EXPORT_LANGUAGES).default('sv'),
  })
  .strict()
  .superRefine(checkPeriod);
/** @public */
export type ExportQuery = z.infer<typeof exportQuerySchema>;

/**
 * Body of POST /support-sessions: one meeting between a peer supporter and
 * a patient. No patient identity, no free text.
 * @public
 */
export const supportSessionSchema = z
  .object({
    date: isoDate,
    unit: groupNameSchema,
    mode: z.enum(SESSION_MODES),
    minutes: z
      .number()
      .int('must be whole minutes')
      .min(5, 'must be at least 5 minutes')
      .max(480, 'must be at most 480 minutes'),
    topic: z.enum(SESSION_TOPICS),
    kind: z.enum(SESSION_KINDS),
  })
  .strict();
/** @public */
export type SupportSessionInput = z.infer<typeof supportSessionSchema>;

const count = z
  .number()
  .int('must be a whole number')
  .min(0, 'must not be negative')
  .max(10_000_000);
const score = z.number().min(0, 'must not be negative').max(1000);

/**
 * One unit's outcome indicators for one period (POST /outcomes, and each
 * row of the CSV import). Survey results are aggregates with their number
 * of respondents. `peerSupportStartedOn` sets the day the unit started with
 * peer support.
 * @public
 */
export const outcomeInputSchema = z
  .object({
    unit: groupNameSchema,
    periodStart: isoDate,
    periodEnd: isoDate,
    inpatientDays: count.optional(),
    admissions: count.optional(),
    readmissions30d: count.optional(),
    averageLengthOfStay: z
      .number()
      .min(0, 'must not be negative')
      .max(3650)
      .optional(),
    selfStigmaScore: score.optional(),
    selfStigmaRespondents: count.optional(),
    recoveryInstrument: z.enum(RECOVERY_INSTRUMENTS).optional(),
    recoveryScore: score.optional(),
    recoveryRespondents: count.optional(),
    staffAttitudesScore: score.optional(),
    staffAttitudesRespondents: count.optional(),
    peerSupportStartedOn: isoDate.optional(),
  })
  .strict()
  .superRefine((o, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    // Dates as YYYY-MM-DD compare correctly as text once they are valid.
    const valid = (d: string) => isoDate.safeParse(d).success;
    if (
      valid(o.periodStart) &&
      valid(o.periodEnd) &&
      o.periodEnd < o.periodStart
    ) {
      issue('periodEnd', 'must not be before periodStart');
    }
    if (
      typeof o.readmissions30d === 'number' &&
      typeof o.admissions === 'number' &&
      o.readmissions30d > o.admissions
    ) {
      issue('readmissions30d', 'must not be more than admissions');
    }
    for (const survey of [
      'selfStigma',
      'recovery',
      'staffAttitudes',
    ] as const) {
      const hasScore = o[`${survey}Score`] !== undefined;
      const hasCount = o[`${survey}Respondents`] !== undefined;
      if (hasScore && !hasCount) {
        issue(`${survey}Respondents`, 'must be given with the score');
      }
    }
    if (o.recoveryScore !== undefined && !o.recoveryInstrument) {
      issue('recoveryInstrument', 'must be given with the score');
    }
  });
/** @public */
export type OutcomeInput = z.infer<typeof outcomeInputSchema>;

/** Query of GET /outcomes. @public */
export const outcomeQuerySchema = z
  .object({
    region: groupNameSchema.optional(),
    unit: groupNameSchema.optional(),
  })
  .strict();
/** @public */
export type OutcomeQuery = z.infer<typeof outcomeQuerySchema>;

/** The most rows one CSV import may have. @public */
export const MAX_IMPORT_ROWS = 5000;

/** Query of GET /support-sessions/mine. @public */
export const ownSessionsQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
