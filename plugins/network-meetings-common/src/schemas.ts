import {
  groupNameSchema as groupName,
  isoDate,
  plainText as text,
} from '@internal/plugin-portal-common';
import { z } from 'zod';
import {
  AUDIENCES,
  MEETING_KINDS,
  RECURRENCE_FREQUENCIES,
  RSVP_ANSWERS,
} from './vocabulary';

/**
 * Whether a value starts with a real calendar day (2027-02-30 is not one):
 * for wall-clock times, whose day must exist as `isoDate`'s must.
 */
function realDate(value: string): boolean {
  const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  return (
    !Number.isNaN(date.getTime()) &&
    date.toISOString().startsWith(value.slice(0, 10))
  );
}

/** A wall-clock time in Europe/Stockholm, YYYY-MM-DDTHH:mm. @public */
export const localDateTime = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/,
    'must be a date and time as YYYY-MM-DDTHH:mm',
  )
  .refine(realDate, 'must be a real date');

const httpsUrl = z
  .string()
  .max(500)
  .refine(value => {
    try {
      return new URL(value).protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an https:// address');

/** How a series repeats: ends on a date or after a number of meetings. @public */
export const recurrenceSchema = z
  .object({
    frequency: z.enum(RECURRENCE_FREQUENCIES),
    interval: z.number().int().min(1).max(12).default(1),
    until: isoDate.optional(),
    count: z.number().int().min(2).max(52).optional(),
  })
  .strict()
  .refine(r => (r.until === undefined) !== (r.count === undefined), {
    path: ['until'],
    message: 'give either an end date (until) or a number of meetings (count)',
  });

const meetingFields = {
  title: text(200).trim().min(1),
  kind: z.enum(MEETING_KINDS),
  agenda: z.array(text(500).trim().min(1)).max(30),
  place: text(300).trim().min(1).nullable(),
  videoUrl: httpsUrl.nullable(),
  region: groupName.nullable(),
  audience: z.enum(AUDIENCES),
  capacity: z.number().int().min(1).max(2000).nullable(),
  rsvpDeadline: isoDate.nullable(),
  start: localDateTime,
  end: localDateTime,
};

/** Body of POST /meetings. Times are wall-clock times in Europe/Stockholm. @public */
export const meetingCreateSchema = z
  .object({
    ...meetingFields,
    agenda: meetingFields.agenda.default([]),
    place: meetingFields.place.default(null),
    videoUrl: meetingFields.videoUrl.default(null),
    region: meetingFields.region.default(null),
    capacity: meetingFields.capacity.default(null),
    rsvpDeadline: meetingFields.rsvpDeadline.default(null),
    recurrence: recurrenceSchema.nullable().default(null),
  })
  .strict()
  .refine(m => m.end > m.start, {
    path: ['end'],
    message: 'must be after the start',
  })
  .refine(m => m.place !== null || m.videoUrl !== null, {
    path: ['place'],
    message: 'give a place, a video link or both',
  })
  .refine(m => m.rsvpDeadline === null || m.rsvpDeadline <= m.start, {
    path: ['rsvpDeadline'],
    message: 'must not be after the day of the meeting',
  })
  .refine(
    m => m.recurrence?.until === undefined || m.recurrence.until >= m.start,
    { path: ['recurrence', 'until'], message: 'must be after the start' },
  );
/** @public */
export type MeetingCreateRequest = z.input<typeof meetingCreateSchema>;
/** @public */
export type MeetingCreate = z.infer<typeof meetingCreateSchema>;

/**
 * Body of PATCH /meetings/:id. `start`, `end` and `rsvpDeadline` change
 * this one meeting (a meeting of a series is moved on its own); the other
 * fields are shared by every meeting of a series.
 * @public
 */
export const meetingPatchSchema = z
  .object({
    title: meetingFields.title.optional(),
    kind: meetingFields.kind.optional(),
    agenda: meetingFields.agenda.optional(),
    place: meetingFields.place.optional(),
    videoUrl: meetingFields.videoUrl.optional(),
    region: meetingFields.region.optional(),
    audience: meetingFields.audience.optional(),
    capacity: meetingFields.capacity.optional(),
    rsvpDeadline: meetingFields.rsvpDeadline.optional(),
    start: meetingFields.start.optional(),
    end: meetingFields.end.optional(),
  })
  .strict()
  .refine(m => Object.keys(m).length > 0, {
    path: ['body'],
    message: 'nothing to change',
  })
  .refine(m => (m.start === undefined) === (m.end === undefined), {
    path: ['end'],
    message: 'give both start and end to move a meeting',
  })
  .refine(m => !m.start || !m.end || m.end > m.start, {
    path: ['end'],
    message: 'must be after the start',
  });
/** @public */
export type MeetingPatch = z.infer<typeof meetingPatchSchema>;

/** Query of DELETE /meetings/:id: this meeting, or this and the rest of its series. @public */
export const meetingCancelQuerySchema = z
  .object({ scope: z.enum(['occurrence', 'series']).default('occurrence') })
  .strict();

/** Query of GET /meetings. `from` and `to` are days in Europe/Stockholm, inclusive. @public */
export const meetingQuerySchema = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    region: groupName.optional(),
    kind: z.enum(MEETING_KINDS).optional(),
    audience: z.enum(AUDIENCES).optional(),
    mine: z.enum(['true', 'false']).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(100),
    cursor: z.string().max(500).optional(),
  })
  .strict()
  .refine(q => !q.from || !q.to || q.from <= q.to, {
    path: ['to'],
    message: 'must not be before from',
  });
/** @public */
export type MeetingQuery = z.infer<typeof meetingQuerySchema>;

/** Path parameter :id of a meeting (or of one meeting of a series). @public */
export const meetingIdSchema = z
  .string()
  .regex(
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(_\d{8})?$/,
    'must be a meeting id',
  );

/** Body of PUT /meetings/:id/rsvp. @public */
export const rsvpSchema = z
  .object({
    answer: z.enum(RSVP_ANSWERS),
    needs: text(500).trim().optional(),
  })
  .strict();
/** @public */
export type RsvpRequest = z.infer<typeof rsvpSchema>;

/** A user entity ref. @public */
export const userRefSchema = z
  .string()
  .max(255)
  .regex(/^user:[a-z0-9._-]+\/[A-Za-z0-9._-]+$/, 'must be a user entity ref');

/** Body of POST /meetings/:id/attendance (organisers, after the start). @public */
export const attendanceSchema = z
  .object({
    attendees: z
      .array(
        z.object({ userRef: userRefSchema, attended: z.boolean() }).strict(),
      )
      .min(1)
      .max(2000)
      .refine(
        list => new Set(list.map(a => a.userRef)).size === list.length,
        'must not name a person twice',
      ),
  })
  .strict();
/** @public */
export type AttendanceRequest = z.infer<typeof attendanceSchema>;

/** Query of GET /facts (service credentials only). @public */
export const factsQuerySchema = z
  .object({
    after: z
      .string()
      .regex(/^\d{1,15}$/, 'must be a cursor from this API')
      .optional(),
    limit: z.coerce.number().int().min(1).max(100).default(100),
  })
  .strict();

/** Path parameter of GET /feeds/:file: the token and `.ics`. @public */
export const feedFileSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}\.ics$/, 'must be a feed address');
