import { plainText } from '@internal/plugin-portal-common';
import { z } from 'zod';

/** Statuses of an erasure request, in the order they come. @public */
export const ERASURE_STATUSES = [
  'pending',
  'rejected',
  'in-progress',
  'completed',
  'withdrawn',
] as const;

/**
 * The reference that stands in for an erased person where a record must
 * stay countable (`user:erased/<random>`): the same in every plugin during
 * one erasure, so that counts of distinct people across the plugins' facts
 * stay right, and linked to the person nowhere once the erasure is done.
 * @public
 */
export const erasedRefSchema = z
  .string()
  .regex(
    /^user:erased\/[a-z0-9][a-z0-9-]{7,63}$/,
    'must be an erased reference such as user:erased/<uuid>',
  );

/** Body of POST /.personal-data/erase (optional). @public */
export const eraseBodySchema = z
  .object({ pseudonym: erasedRefSchema.optional() })
  .strict();

const months = z.number().int().min(1).max(1200);

/** A retention policy as the config and the plugins' route take it. @public */
export const retentionPolicySchema = z
  .object({
    interestNotFollowedUpMonths: months,
    rsvpNeedsAfterMeetingDays: z.number().int().min(1).max(36500),
    leftNetworkMonths: months,
    erasureRecordsMonths: months,
  })
  .strict();

/** Body of POST /.personal-data/retention. @public */
export const retentionBodySchema = z
  .object({
    policy: retentionPolicySchema,
    /** The instant the rules are measured from (the same for every plugin). */
    now: z.iso.datetime({ offset: true }),
  })
  .strict();

/** A plugin's answer to an erasure (checked before it is recorded). @public */
export const erasureReportSchema = z.object({
  erased: z.number().int().min(0),
  anonymised: z.number().int().min(0),
  kept: z
    .array(
      z.object({
        what: z.string().max(500),
        reason: z.string().max(500),
        code: z.string().max(100).optional(),
        count: z.number().int().min(0).optional(),
      }),
    )
    .max(100),
});

/** A plugin's answer to a retention run (checked before it is recorded). @public */
export const retentionReportSchema = z.object({
  removed: z
    .array(
      z.object({
        rule: retentionPolicySchema.keyof(),
        what: z.string().max(500),
        count: z.number().int().min(0),
      }),
    )
    .max(100),
  peopleToErase: z.array(z.string().max(255)).max(10_000).optional(),
});

/** Path parameter of an erasure request. @public */
export const erasureRequestIdSchema = z.object({ id: z.uuid() }).strict();

/** A body with nothing to fill in (POST /me/erasure-requests, confirm, run). @public */
export const emptyBodySchema = z.object({}).strict();

/** Body of POST /erasure-requests/:id/reject. @public */
export const erasureRejectSchema = z
  .object({
    reason: plainText(500).refine(
      value => value.trim().length > 0,
      'must say why the request is rejected',
    ),
  })
  .strict();

/** How far back the coordinators' listings go, in months (1 to 24). @public */
const monthsBack = z.coerce.number().int().min(1).max(24).default(6);
const limit = (fallback: number) =>
  z.coerce.number().int().min(1).max(100).default(fallback);
const cursor = z.string().max(500).optional();

/** GET /erasure-requests. @public */
export const erasureRequestQuerySchema = z
  .object({
    status: z.enum(ERASURE_STATUSES).optional(),
    months: monthsBack,
    limit: limit(25),
    cursor,
  })
  .strict();

/** GET /consent-changes. @public */
export const consentChangeQuerySchema = z
  .object({ months: monthsBack, limit: limit(50), cursor })
  .strict();
