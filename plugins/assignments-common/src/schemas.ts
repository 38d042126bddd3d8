import { z } from 'zod';
import {
  groupNameSchema,
  isoDate,
  plainText,
  userRefSchema,
} from '@internal/plugin-portal-common';
import {
  ASSIGNMENT_FORMATS,
  ASSIGNMENT_SORTS,
  ASSIGNMENT_STATES,
  ASSIGNMENT_TYPES,
  ASSIGNMENT_VIEWS,
  EXPERIENCE_WANTED,
  HONORARIUM_STATES,
  LANGUAGES,
} from './vocabulary';

/**
 * A wall-clock time in Europe/Stockholm, `YYYY-MM-DDTHH:mm`, as the booking
 * form's date and time fields give it. The backend turns it into a UTC
 * instant, so 18:00 stays 18:00 on either side of a daylight-saving change.
 * @public
 */
export const localDateTime = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/,
    'must be a date and time as YYYY-MM-DDTHH:mm',
  )
  .refine(value => {
    // Zod runs refinements even when the pattern failed: check again.
    const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(value);
    return (
      !!match &&
      isoDate.safeParse(match[1]).success &&
      Number(match[2]) < 24 &&
      Number(match[3]) < 60
    );
  }, 'must be a real date and time');

/** Hours in steps of a quarter, e.g. 1.5. */
const quarterHours = (min: number, max: number) =>
  z
    .number()
    .min(min)
    .max(max)
    .refine(h => Number.isInteger(h * 4), 'must be in steps of 0.25 hours');

/** One time slot of the booking form (Europe/Stockholm wall-clock). @public */
export const slotInputSchema = z
  .object({ start: localDateTime, end: localDateTime })
  .strict()
  .refine(s => s.end > s.start, {
    path: ['end'],
    message: 'must be after the start',
  });
/** @public */
export type SlotInput = z.infer<typeof slotInputSchema>;

const email = z.string().trim().max(200).email('must be an e-mail address');
const link = z
  .string()
  .trim()
  .max(500)
  .url('must be a link')
  .refine(v => v.startsWith('https://'), 'must be an https:// link');

/** The fields of the booking form, before the cross-field checks. */
const bookingFields = z
  .object({
    title: plainText(120).trim().min(3, 'must be at least 3 characters'),
    type: z.enum(ASSIGNMENT_TYPES),
    description: plainText(4000)
      .trim()
      .min(10, 'must be at least 10 characters'),
    unit: groupNameSchema,
    contactName: plainText(100).trim().min(2, 'must be at least 2 characters'),
    contactEmail: email,
    contactPhone: z
      .string()
      .trim()
      .max(30)
      .regex(/^\+?[0-9 ()-]{5,30}$/, 'must be a phone number')
      .optional(),
    place: plainText(200).trim().min(2).optional(),
    digitalLink: link.optional(),
    slots: z
      .array(slotInputSchema)
      .min(1, 'must have at least one time')
      .max(20),
    estimatedHours: quarterHours(0.25, 200),
    peersWanted: z.number().int().min(1).max(20),
    experienceWanted: z.enum(EXPERIENCE_WANTED),
    language: z.enum(LANGUAGES),
    interestDeadline: isoDate,
    costCentre: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{2,20}$/, 'must be 2 to 20 letters, digits or -'),
  })
  .strict();

function checkBooking(
  b: Partial<z.infer<typeof bookingFields>>,
  ctx: z.RefinementCtx,
) {
  if (b.place === undefined && b.digitalLink === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['place'],
      message: 'a place or a digital link is required',
    });
  }
  const starts = (Array.isArray(b.slots) ? b.slots : [])
    .map(s => s?.start)
    .filter((s): s is string => typeof s === 'string')
    .sort();
  if (starts.length && typeof b.interestDeadline === 'string') {
    if (b.interestDeadline > starts[0].slice(0, 10)) {
      ctx.addIssue({
        code: 'custom',
        path: ['interestDeadline'],
        message: 'must be on or before the first day of the assignment',
      });
    }
  }
}

/** Body of POST /assignments: the booking form. @public */
export const bookingSchema = bookingFields.superRefine(checkBooking);
/** @public */
export type BookingRequest = z.infer<typeof bookingSchema>;

/**
 * Body of PATCH /assignments/:id: any fields of the booking form (while the
 * request is not yet staffed). Give `null` to clear an optional field.
 * @public
 */
export const bookingUpdateSchema = bookingFields
  .extend({
    contactPhone: bookingFields.shape.contactPhone.unwrap().nullable(),
    place: bookingFields.shape.place.unwrap().nullable(),
    digitalLink: bookingFields.shape.digitalLink.unwrap().nullable(),
  })
  .partial()
  .strict()
  .refine(u => Object.keys(u).length > 0, 'must change at least one field');
/** @public */
export type BookingUpdate = z.infer<typeof bookingUpdateSchema>;

/** A list parameter that may be given once or several times. */
const oneOrMany = <T extends z.ZodType>(item: T) =>
  z
    .union([item, z.array(item).min(1).max(20)])
    .transform(v => (Array.isArray(v) ? v : [v]) as z.infer<T>[]);

/** Query of GET /assignments. Unknown parameters are refused. @public */
export const assignmentQuerySchema = z
  .object({
    view: z.enum(ASSIGNMENT_VIEWS).default('board'),
    state: oneOrMany(z.enum(ASSIGNMENT_STATES)).optional(),
    type: oneOrMany(z.enum(ASSIGNMENT_TYPES)).optional(),
    region: groupNameSchema.optional(),
    unit: groupNameSchema.optional(),
    experience: z.enum(EXPERIENCE_WANTED).optional(),
    format: z.enum(ASSIGNMENT_FORMATS).optional(),
    /** Assignments that start on or after this day. */
    from: isoDate.optional(),
    /** Assignments that start on or before this day. */
    to: isoDate.optional(),
    q: plainText(100).trim().optional(),
    sort: z.enum(ASSIGNMENT_SORTS).default('date'),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: z.string().max(500).optional(),
  })
  .strict()
  .refine(q => !q.from || !q.to || q.from <= q.to, {
    path: ['to'],
    message: 'must not be before from',
  });
/** @public */
export type AssignmentQuery = z.infer<typeof assignmentQuerySchema>;

/** Path parameter :id. @public */
export const assignmentIdSchema = z.string().uuid();

/** Body of POST /assignments/:id/interest. @public */
export const interestRequestSchema = z
  .object({ message: plainText(1000).trim().optional() })
  .strict();
/** @public */
export type InterestRequest = z.infer<typeof interestRequestSchema>;

/** Body of POST /assignments/:id/selection (coordinators). @public */
export const selectionSchema = z.object({ userRef: userRefSchema }).strict();
/** @public */
export type SelectionRequest = z.infer<typeof selectionSchema>;

/** The hours one selected peer actually worked. @public */
export const actualHoursSchema = z
  .object({
    userRef: userRefSchema,
    actualHours: quarterHours(0.25, 200),
    /** Travel to a place (adds the travel allowance). */
    travel: z.boolean().default(false),
  })
  .strict();

const reason = plainText(1000).trim().min(3, 'must be at least 3 characters');

/** Body of POST /assignments/:id/transitions. @public */
export const transitionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('publish') }).strict(),
  z.object({ action: z.literal('request-changes'), reason }).strict(),
  z.object({ action: z.literal('decline'), reason }).strict(),
  z.object({ action: z.literal('mark-staffed') }).strict(),
  z.object({ action: z.literal('cancel'), reason }).strict(),
  z
    .object({
      action: z.literal('complete'),
      peers: z
        .array(actualHoursSchema)
        .min(1)
        .max(20)
        .refine(
          ps => new Set(ps.map(p => p.userRef)).size === ps.length,
          'must not repeat a person',
        ),
    })
    .strict(),
  z.object({ action: z.literal('approve') }).strict(),
]);
/** @public */
export type TransitionRequest = z.infer<typeof transitionSchema>;

/** Body of POST /assignments/:id/feedback. @public */
export const feedbackSchema = z
  .object({
    rating: z.number().int().min(1).max(5),
    comment: plainText(2000).trim().optional(),
  })
  .strict();
/** @public */
export type FeedbackRequest = z.infer<typeof feedbackSchema>;

/** Query of GET /honoraria (coordinators). @public */
export const honorariumQuerySchema = z
  .object({
    state: z.enum(HONORARIUM_STATES).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .strict();
/** @public */
export type HonorariumQuery = z.infer<typeof honorariumQuerySchema>;

/**
 * Query of GET /honoraria/export.csv: a new export of every approved
 * honorarium whose work ended in the period, or a copy of an earlier export.
 * @public
 */
export const exportQuerySchema = z.union([
  z
    .object({ from: isoDate, to: isoDate })
    .strict()
    .refine(q => q.from <= q.to, {
      path: ['to'],
      message: 'must not be before from',
    }),
  z.object({ batch: z.string().uuid() }).strict(),
]);
/** @public */
export type ExportQuery = z.infer<typeof exportQuerySchema>;

/** Query of GET /facts (service credentials). @public */
export const factQuerySchema = z
  .object({
    after: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(1000).default(500),
  })
  .strict();
