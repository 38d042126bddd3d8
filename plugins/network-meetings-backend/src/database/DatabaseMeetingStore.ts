import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  AttendanceFact,
  AttendanceFactList,
  AttendanceRequest,
  Attendee,
  Audience,
  FeedStatus,
  MEETING_TIME_ZONE,
  Meeting,
  MeetingCreate,
  MeetingKind,
  MeetingList,
  MeetingPatch,
  MeetingQuery,
  MyRsvp,
  OccurrenceStatus,
  Recurrence,
  RsvpAnswer,
  RsvpRequest,
  RsvpStatus,
} from '@internal/plugin-network-meetings-common';
import {
  ErasureReport,
  PersonalDataProvider,
  RetentionPolicy,
  RetentionReport,
  retentionCutoff,
} from '@internal/plugin-personal-data-node';
import { JsonObject } from '@backstage/types';
import { Knex } from 'knex';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { cacheSqliteStatements } from '@internal/plugin-portal-node';
import { decodeCursor, encodeCursor } from './cursor';
import {
  daysBetween,
  endOfLocalDay,
  expandSeries,
  instantOf,
  localDayOf,
  localOf,
  shiftDay,
  startOfLocalDay,
} from './time';

const MIGRATIONS = resolvePackagePath(
  '@internal/plugin-network-meetings-backend',
  'migrations',
);

type MeetingRow = {
  id: string;
  title: string;
  kind: MeetingKind;
  agenda: string;
  place: string | null;
  video_url: string | null;
  region: string | null;
  audience: Audience;
  capacity: number | null;
  recurrence: string | null;
  rrule: string | null;
  created_by: string;
  created_at: DbDate;
  updated_at: DbDate;
};

type OccurrenceRow = {
  id: string;
  meeting_id: string;
  planned_start: DbDate;
  starts_at: DbDate;
  ends_at: DbDate;
  rsvp_deadline: string | null;
  status: OccurrenceStatus;
  rsvp_seq: number;
  attendance_recorded_at: DbDate | null;
  updated_at: DbDate;
};

type RsvpRow = {
  occurrence_id: string;
  user_ref: string;
  answer: RsvpAnswer;
  status: RsvpStatus;
  queue_seq: number | null;
  needs: string;
  attended: boolean | number | null;
  answered_at: DbDate;
  updated_at: DbDate;
};

type FactRow = {
  id: number | string;
  occurrence_id: string;
  meeting_id: string;
  kind: MeetingKind;
  region: string | null;
  audience: Audience;
  starts_at: DbDate;
  confirmed: number | string;
  attended: number | string;
  absent: number | string;
  recorded_at: DbDate;
};

/** PostgreSQL gives timestamps as Date; SQLite as milliseconds. */
type DbDate = Date | number | string;

function toDate(value: DbDate): Date {
  return value instanceof Date ? value : new Date(Number(value) || value);
}

function iso(value: DbDate): string {
  return toDate(value).toISOString();
}

/** Who is looking, as far as the store needs to know. */
export type Viewer = {
  userRef: string;
  /** The audiences whose meetings the viewer may answer. */
  audiences: ReadonlySet<Audience>;
};

/** A viewer who may answer every audience (the demo seed; system reads). */
export const ALL_AUDIENCES_VIEWER: Viewer = {
  userRef: '',
  audiences: new Set<Audience>(['everyone', 'peers', 'peer-supporters']),
};

/** A viewer who may answer nothing: how notices and reminders read meetings. */
const SYSTEM_VIEWER: Viewer = { userRef: '', audiences: new Set() };

/** People to tell about one meeting. */
export type Notice = { meeting: Meeting; userRefs: string[] };

/** Reminders claimed for sending: rows are written before anything is sent. */
export type ReminderBatch = Notice & { kind: 'week' | 'day' };

const ANSWERED_FOR_FEED: RsvpStatus[] = ['confirmed', 'waitlisted', 'maybe'];
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The network meeting calendar's store: its own tables only. Rows are
 * snake_case, the API camelCase; the conversion is in toMeeting.
 *
 * Every change of answers happens in one transaction that first locks the
 * occurrence's row (`SELECT … FOR UPDATE` on PostgreSQL; SQLite has one
 * writer connection, so its transactions run one after the other). The
 * count of places taken and the waitlist order are therefore exact under
 * any number of concurrent answers.
 */
export class DatabaseMeetingStore implements PersonalDataProvider {
  private constructor(
    private readonly db: Knex,
    private readonly now: () => Date,
  ) {}

  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
    /** The clock, for tests. */
    now?: () => Date;
  }): Promise<DatabaseMeetingStore> {
    const client = cacheSqliteStatements(await options.database.getClient());
    if (!options.database.migrations?.skip && !options.skipMigrations) {
      await client.migrate.latest({
        directory: MIGRATIONS,
        tableName: 'nm_knex_migrations',
      });
    }
    return new DatabaseMeetingStore(client, options.now ?? (() => new Date()));
  }

  /** The same store on another clock (the demo seed places past answers). */
  withClock(now: () => Date): DatabaseMeetingStore {
    return new DatabaseMeetingStore(this.db, now);
  }

  /** Whether a meeting with this title starts at this instant (seed idempotence). */
  async hasMeeting(title: string, startsAt: Date): Promise<boolean> {
    const row = await this.db('nm_occurrences as o')
      .join('nm_meetings as m', 'm.id', 'o.meeting_id')
      .where({ 'm.title': title })
      .where('o.planned_start', startsAt)
      .first('o.id');
    return Boolean(row);
  }

  private isPg(tx: Knex) {
    return tx.client.config.client === 'pg';
  }

  // --- reads -------------------------------------------------------------

  private joined(tx: Knex) {
    return tx('nm_occurrences as o')
      .join('nm_meetings as m', 'm.id', 'o.meeting_id')
      .select(
        'o.*',
        'm.title',
        'm.kind',
        'm.agenda',
        'm.place',
        'm.video_url',
        'm.region',
        'm.audience',
        'm.capacity',
        'm.recurrence',
        'm.created_by',
        'm.updated_at as meeting_updated_at',
      );
  }

  async listMeetings(
    query: MeetingQuery,
    viewer: Viewer,
  ): Promise<MeetingList> {
    const qb = this.joined(this.db);
    if (query.from) qb.where('o.starts_at', '>=', startOfLocalDay(query.from));
    if (query.to) qb.where('o.starts_at', '<', endOfLocalDay(query.to));
    if (query.region) {
      qb.where(inner =>
        inner.where('m.region', query.region!).orWhereNull('m.region'),
      );
    }
    if (query.kind) qb.where('m.kind', query.kind);
    if (query.audience) qb.where('m.audience', query.audience);
    if (query.mine === 'true') {
      qb.whereExists(
        this.db('nm_rsvps as r')
          .select(this.db.raw('1'))
          .whereRaw('r.occurrence_id = o.id')
          .where('r.user_ref', viewer.userRef)
          .whereIn('r.status', ANSWERED_FOR_FEED),
      );
    }
    if (query.cursor) {
      const cursor = decodeCursor(query.cursor);
      const after = new Date(cursor.startsAt);
      qb.where(inner =>
        inner
          .where('o.starts_at', '>', after)
          .orWhere(tie =>
            tie.where('o.starts_at', '=', after).where('o.id', '>', cursor.id),
          ),
      );
    }
    const rows = await qb
      .orderBy('o.starts_at', 'asc')
      .orderBy('o.id', 'asc')
      .limit(query.limit + 1);
    const page = rows.slice(0, query.limit);
    const items = await this.decorate(this.db, page, viewer);
    const last = page[page.length - 1];
    return {
      items,
      nextCursor:
        rows.length > query.limit && last
          ? encodeCursor({
              startsAt: toDate(last.starts_at).getTime(),
              id: last.id,
            })
          : undefined,
    };
  }

  async getMeeting(id: string, viewer: Viewer): Promise<Meeting> {
    const row = await this.joined(this.db).where('o.id', id).first();
    if (!row) {
      throw new NotFoundError(`No meeting with id ${id}`);
    }
    return (await this.decorate(this.db, [row], viewer))[0];
  }

  /** The meetings of `targets` as they are now, with whom to tell about each. */
  private async noticesOf(
    targets: Array<{ id: string; userRefs: string[] }>,
  ): Promise<Notice[]> {
    const ids = [...new Set(targets.map(t => t.id))];
    const byId = new Map<string, Meeting>();
    for (let i = 0; i < ids.length; i += 400) {
      const rows = await this.joined(this.db).whereIn(
        'o.id',
        ids.slice(i, i + 400),
      );
      for (const m of await this.decorate(this.db, rows, SYSTEM_VIEWER)) {
        byId.set(m.id, m);
      }
    }
    return targets.map(t => ({
      meeting: byId.get(t.id)!,
      userRefs: t.userRefs,
    }));
  }

  /** Counts, the viewer's own answer and waitlist place, for rows of `joined`. */
  private async decorate(
    tx: Knex,
    rows: any[],
    viewer: Viewer,
  ): Promise<Meeting[]> {
    if (!rows.length) return [];
    const ids = rows.map(r => r.id as string);
    const counts = await tx('nm_rsvps')
      .whereIn('occurrence_id', ids)
      .select('occurrence_id', 'status')
      .count({ count: '*' })
      .groupBy('occurrence_id', 'status');
    const countOf = new Map<string, number>();
    for (const c of counts as Array<{
      occurrence_id: string;
      status: string;
      count: number | string;
    }>) {
      countOf.set(`${c.occurrence_id}/${c.status}`, Number(c.count));
    }
    const mine = await tx<RsvpRow>('nm_rsvps')
      .whereIn('occurrence_id', ids)
      .where('user_ref', viewer.userRef);
    const mineBy = new Map(mine.map(r => [r.occurrence_id, r]));
    const positions = new Map<string, number>();
    for (const r of mine) {
      if (r.status === 'waitlisted') {
        positions.set(r.occurrence_id, await this.positionOf(tx, r));
      }
    }
    const now = this.now();
    return rows.map(row =>
      this.toMeeting(row, {
        confirmed: countOf.get(`${row.id}/confirmed`) ?? 0,
        waitlisted: countOf.get(`${row.id}/waitlisted`) ?? 0,
        maybe: countOf.get(`${row.id}/maybe`) ?? 0,
        mine: mineBy.get(row.id),
        position: positions.get(row.id),
        viewer,
        now,
      }),
    );
  }

  private async positionOf(tx: Knex, r: RsvpRow): Promise<number> {
    const [{ count }] = await tx('nm_rsvps')
      .where({ occurrence_id: r.occurrence_id, status: 'waitlisted' })
      .where('queue_seq', '<=', r.queue_seq ?? 0)
      .count({ count: '*' });
    return Number(count);
  }

  private toMeeting(
    row: any,
    extra: {
      confirmed: number;
      waitlisted: number;
      maybe: number;
      mine?: RsvpRow;
      position?: number;
      viewer: Viewer;
      now: Date;
    },
  ): Meeting {
    const startsAt = toDate(row.starts_at);
    const endsAt = toDate(row.ends_at);
    const status = row.status as OccurrenceStatus;
    const open =
      status === 'scheduled' &&
      extra.now < startsAt &&
      (!row.rsvp_deadline || localDayOf(extra.now) <= row.rsvp_deadline);
    const updatedAt = [toDate(row.updated_at), toDate(row.meeting_updated_at)]
      .sort((a, b) => b.getTime() - a.getTime())[0]
      .toISOString();
    return {
      id: row.id,
      meetingId: row.meeting_id,
      title: row.title,
      kind: row.kind,
      agenda: JSON.parse(row.agenda),
      place: row.place,
      videoUrl: row.video_url,
      region: row.region,
      audience: row.audience,
      capacity: row.capacity === null ? null : Number(row.capacity),
      rsvpDeadline: row.rsvp_deadline,
      start: localOf(startsAt),
      end: localOf(endsAt),
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      timeZone: MEETING_TIME_ZONE,
      status,
      moved: toDate(row.planned_start).getTime() !== startsAt.getTime(),
      recurrence: row.recurrence
        ? (JSON.parse(row.recurrence) as Recurrence)
        : null,
      confirmedCount: extra.confirmed,
      waitlistCount: extra.waitlisted,
      maybeCount: extra.maybe,
      open,
      canAnswer: extra.viewer.audiences.has(row.audience),
      myRsvp: extra.mine ? toMyRsvp(extra.mine, extra.position) : undefined,
      attendanceRecorded: row.attendance_recorded_at !== null,
      createdBy: row.created_by,
      updatedAt,
    };
  }

  // --- meetings ----------------------------------------------------------

  /** Creates a meeting, or a series with its occurrences; returns the first. */
  async createMeeting(
    input: MeetingCreate,
    createdBy: string,
    viewer: Viewer,
  ): Promise<Meeting> {
    instantOf(input.start, 'start');
    instantOf(input.end, 'end');
    const { occurrences, rrule } = expandSeries(
      input.start,
      input.end,
      input.recurrence,
    );
    const meetingId = randomUUID();
    const now = this.now();
    const offset =
      input.rsvpDeadline === null
        ? null
        : daysBetween(input.rsvpDeadline, input.start.slice(0, 10));
    await this.db.transaction(async tx => {
      await tx('nm_meetings').insert({
        id: meetingId,
        title: input.title,
        kind: input.kind,
        agenda: JSON.stringify(input.agenda),
        place: input.place,
        video_url: input.videoUrl,
        region: input.region,
        audience: input.audience,
        capacity: input.capacity,
        recurrence: input.recurrence ? JSON.stringify(input.recurrence) : null,
        rrule,
        created_by: createdBy,
        created_at: now,
        updated_at: now,
      });
      const rows = occurrences.map(o => ({
        id: input.recurrence ? `${meetingId}_${o.key}` : meetingId,
        meeting_id: meetingId,
        planned_start: o.startsAt,
        starts_at: o.startsAt,
        ends_at: o.endsAt,
        rsvp_deadline:
          offset === null ? null : shiftDay(o.start.slice(0, 10), -offset),
        status: 'scheduled',
        rsvp_seq: 0,
        updated_at: now,
      }));
      for (let i = 0; i < rows.length; i += 50) {
        await tx('nm_occurrences').insert(rows.slice(i, i + 50));
      }
    });
    const first = input.recurrence
      ? `${meetingId}_${occurrences[0].key}`
      : meetingId;
    return this.getMeeting(first, viewer);
  }

  /** The occurrence's row, locked for the transaction where it can be. */
  private async lock(tx: Knex.Transaction, id: string) {
    const query = tx<OccurrenceRow>('nm_occurrences').where({ id });
    if (this.isPg(tx)) {
      query.forUpdate();
    }
    const occurrence = await query.first();
    if (!occurrence) {
      throw new NotFoundError(`No meeting with id ${id}`);
    }
    const meeting = (await tx<MeetingRow>('nm_meetings')
      .where({ id: occurrence.meeting_id })
      .first())!;
    return { occurrence, meeting };
  }

  private async countStatus(
    tx: Knex,
    occurrenceId: string,
    status: RsvpStatus,
  ): Promise<number> {
    const [{ count }] = await tx('nm_rsvps')
      .where({ occurrence_id: occurrenceId, status })
      .count({ count: '*' });
    return Number(count);
  }

  /** Gives free places to the first on the waitlist; returns who got one. */
  private async promote(
    tx: Knex.Transaction,
    occurrenceId: string,
    capacity: number | null,
  ): Promise<string[]> {
    const waiting = tx<RsvpRow>('nm_rsvps')
      .where({ occurrence_id: occurrenceId, status: 'waitlisted' })
      .orderBy('queue_seq', 'asc');
    if (capacity !== null) {
      const free =
        capacity - (await this.countStatus(tx, occurrenceId, 'confirmed'));
      if (free <= 0) return [];
      waiting.limit(free);
    }
    const next = (await waiting).map(r => r.user_ref);
    if (next.length) {
      await tx('nm_rsvps')
        .where({ occurrence_id: occurrenceId })
        .whereIn('user_ref', next)
        .update({ status: 'confirmed', updated_at: this.now() });
    }
    return next;
  }

  /**
   * Changes a meeting. `start`, `end` and `rsvpDeadline` change this
   * occurrence only; the other fields the whole series. Returns who got a
   * place from the waitlist and who should hear that the meeting moved.
   */
  async updateMeeting(
    id: string,
    patch: MeetingPatch,
    viewer: Viewer,
  ): Promise<{ meeting: Meeting; promoted: Notice[]; moved?: Notice }> {
    const now = this.now();
    const promotedIds: Array<{ id: string; userRefs: string[] }> = [];
    let movedRefs: string[] | undefined;
    await this.db.transaction(async tx => {
      const { occurrence, meeting } = await this.lock(tx, id);
      const place = patch.place !== undefined ? patch.place : meeting.place;
      const videoUrl =
        patch.videoUrl !== undefined ? patch.videoUrl : meeting.video_url;
      if (place === null && videoUrl === null) {
        throw new InputError(
          'Invalid body: place: give a place, a video link or both',
        );
      }
      const shared: Partial<MeetingRow> = {};
      if (patch.title !== undefined) shared.title = patch.title;
      if (patch.kind !== undefined) shared.kind = patch.kind;
      if (patch.agenda !== undefined)
        shared.agenda = JSON.stringify(patch.agenda);
      if (patch.place !== undefined) shared.place = patch.place;
      if (patch.videoUrl !== undefined) shared.video_url = patch.videoUrl;
      if (patch.region !== undefined) shared.region = patch.region;
      if (patch.audience !== undefined) shared.audience = patch.audience;

      const upcomingQuery = tx<OccurrenceRow>('nm_occurrences')
        .where({ meeting_id: meeting.id, status: 'scheduled' })
        .where('starts_at', '>', now)
        .orderBy('starts_at');
      if (this.isPg(tx)) upcomingQuery.forUpdate();
      const upcoming = await upcomingQuery;

      if (patch.capacity !== undefined) {
        if (patch.capacity !== null) {
          for (const o of upcoming) {
            const taken = await this.countStatus(tx, o.id, 'confirmed');
            if (taken > patch.capacity) {
              throw new ConflictError(
                `capacity: ${taken} people already have a place on ${localOf(
                  toDate(o.starts_at),
                )}`,
              );
            }
          }
        }
        shared.capacity = patch.capacity;
      }
      if (Object.keys(shared).length) {
        await tx('nm_meetings')
          .where({ id: meeting.id })
          .update({ ...shared, updated_at: now });
      }

      const own: Partial<OccurrenceRow> = {};
      let day = localDayOf(toDate(occurrence.starts_at));
      if (patch.start !== undefined && patch.end !== undefined) {
        if (occurrence.status === 'cancelled') {
          throw new ConflictError('The meeting is cancelled');
        }
        if (toDate(occurrence.starts_at) <= now) {
          throw new ConflictError('The meeting has already taken place');
        }
        const startsAt = instantOf(patch.start, 'start');
        const endsAt = instantOf(patch.end, 'end');
        if (startsAt.getTime() !== toDate(occurrence.starts_at).getTime()) {
          own.starts_at = startsAt;
          own.ends_at = endsAt;
          day = patch.start.slice(0, 10);
          movedRefs = (
            await tx<RsvpRow>('nm_rsvps')
              .where({ occurrence_id: id })
              .whereIn('status', ANSWERED_FOR_FEED)
          ).map(r => r.user_ref);
        } else {
          own.ends_at = endsAt;
        }
      }
      const deadline =
        patch.rsvpDeadline !== undefined
          ? patch.rsvpDeadline
          : occurrence.rsvp_deadline;
      if (deadline !== null && deadline > day) {
        throw new InputError(
          'Invalid body: rsvpDeadline: must not be after the day of the meeting',
        );
      }
      if (patch.rsvpDeadline !== undefined) {
        own.rsvp_deadline = patch.rsvpDeadline;
      }
      if (Object.keys(own).length) {
        await tx('nm_occurrences')
          .where({ id })
          .update({ ...own, updated_at: now });
      }

      if (
        patch.capacity !== undefined &&
        (patch.capacity === null ||
          meeting.capacity === null ||
          patch.capacity > meeting.capacity)
      ) {
        for (const o of upcoming) {
          const userRefs = await this.promote(tx, o.id, patch.capacity);
          if (userRefs.length) promotedIds.push({ id: o.id, userRefs });
        }
      }
    });
    const promoted = await this.noticesOf(promotedIds);
    const meetingNow = await this.getMeeting(id, viewer);
    return {
      meeting: meetingNow,
      promoted,
      moved:
        movedRefs && movedRefs.length
          ? { meeting: meetingNow, userRefs: movedRefs }
          : undefined,
    };
  }

  /**
   * Cancels a meeting, or this and every later meeting of its series.
   * Returns everyone who answered, per meeting cancelled.
   */
  async cancelMeeting(
    id: string,
    scope: 'occurrence' | 'series',
  ): Promise<Notice[]> {
    const now = this.now();
    const targets: Array<{ id: string; userRefs: string[] }> = [];
    await this.db.transaction(async tx => {
      const { occurrence } = await this.lock(tx, id);
      if (toDate(occurrence.starts_at) <= now) {
        throw new ConflictError('The meeting has already taken place');
      }
      let ids: string[];
      if (scope === 'series') {
        ids = (
          await tx<OccurrenceRow>('nm_occurrences')
            .where({ meeting_id: occurrence.meeting_id, status: 'scheduled' })
            .where('starts_at', '>=', toDate(occurrence.starts_at))
            .select('id')
        ).map(r => r.id);
      } else {
        if (occurrence.status === 'cancelled') {
          throw new ConflictError('The meeting is already cancelled');
        }
        ids = [id];
      }
      if (!ids.length) {
        throw new ConflictError('The meetings are already cancelled');
      }
      for (let i = 0; i < ids.length; i += 50) {
        const chunk = ids.slice(i, i + 50);
        await tx('nm_occurrences')
          .whereIn('id', chunk)
          .update({ status: 'cancelled', updated_at: now });
        const answered = await tx<RsvpRow>('nm_rsvps').whereIn(
          'occurrence_id',
          chunk,
        );
        for (const o of chunk) {
          targets.push({
            id: o,
            userRefs: answered
              .filter(r => r.occurrence_id === o)
              .map(r => r.user_ref),
          });
        }
      }
    });
    return this.noticesOf(targets);
  }

  // --- answers -----------------------------------------------------------

  /**
   * Answers a meeting. A yes takes a place while there is one and goes on
   * the waitlist otherwise, in arrival order; a yes repeated keeps its
   * place in line. A no or maybe from someone with a place gives the place
   * to the first on the waitlist.
   */
  async answer(
    id: string,
    viewer: Viewer,
    request: RsvpRequest,
  ): Promise<{ meeting: Meeting; rsvp: MyRsvp; promoted: Notice[] }> {
    const now = this.now();
    const promotedRefs = await this.db.transaction(async tx => {
      const { occurrence, meeting } = await this.lock(tx, id);
      if (!viewer.audiences.has(meeting.audience)) {
        throw new NotAllowedError(
          `This meeting is for ${meeting.audience}; you cannot answer it`,
        );
      }
      if (occurrence.status === 'cancelled') {
        throw new ConflictError('The meeting is cancelled');
      }
      if (toDate(occurrence.starts_at) <= now) {
        throw new ConflictError('The meeting has already started');
      }
      if (
        request.answer !== 'no' &&
        occurrence.rsvp_deadline &&
        localDayOf(now) > occurrence.rsvp_deadline
      ) {
        throw new ConflictError(
          `The last day to answer was ${occurrence.rsvp_deadline}`,
        );
      }
      const existing = await tx<RsvpRow>('nm_rsvps')
        .where({ occurrence_id: id, user_ref: viewer.userRef })
        .first();
      const needs = request.needs ?? existing?.needs ?? '';
      let status: RsvpStatus;
      let queueSeq: number | null = null;
      if (request.answer === 'yes') {
        if (
          existing &&
          (existing.status === 'confirmed' || existing.status === 'waitlisted')
        ) {
          status = existing.status;
          queueSeq = existing.queue_seq;
        } else {
          queueSeq = Number(occurrence.rsvp_seq) + 1;
          await tx('nm_occurrences')
            .where({ id })
            .update({ rsvp_seq: queueSeq });
          const taken = await this.countStatus(tx, id, 'confirmed');
          const waiting = await this.countStatus(tx, id, 'waitlisted');
          status =
            waiting === 0 &&
            (meeting.capacity === null || taken < meeting.capacity)
              ? 'confirmed'
              : 'waitlisted';
        }
      } else {
        status = request.answer === 'no' ? 'declined' : 'maybe';
      }
      const row = {
        answer: request.answer,
        status,
        queue_seq: queueSeq,
        needs,
        updated_at: now,
      };
      if (existing) {
        await tx('nm_rsvps')
          .where({ occurrence_id: id, user_ref: viewer.userRef })
          .update(
            existing.answer === request.answer
              ? row
              : { ...row, answered_at: now },
          );
      } else {
        await tx('nm_rsvps').insert({
          ...row,
          occurrence_id: id,
          user_ref: viewer.userRef,
          answered_at: now,
          attended: null,
        });
      }
      if (existing?.status === 'confirmed' && status !== 'confirmed') {
        return this.promote(tx, id, meeting.capacity);
      }
      return [];
    });
    const meeting = await this.getMeeting(id, viewer);
    return {
      meeting,
      rsvp: meeting.myRsvp!,
      promoted: promotedRefs.length
        ? await this.noticesOf([{ id, userRefs: promotedRefs }])
        : [],
    };
  }

  /** Everyone who answered, places first, then the waitlist in order. */
  async listAttendees(id: string): Promise<Omit<Attendee, 'displayName'>[]> {
    const occurrence = await this.db('nm_occurrences').where({ id }).first();
    if (!occurrence) {
      throw new NotFoundError(`No meeting with id ${id}`);
    }
    const rows = await this.db<RsvpRow>('nm_rsvps')
      .where({ occurrence_id: id })
      .orderBy('queue_seq', 'asc')
      .orderBy('answered_at', 'asc')
      .orderBy('user_ref', 'asc');
    const rank: Record<RsvpStatus, number> = {
      confirmed: 0,
      waitlisted: 1,
      maybe: 2,
      declined: 3,
    };
    let position = 0;
    return rows
      .sort((a, b) => rank[a.status] - rank[b.status])
      .map(r => ({
        userRef: r.user_ref,
        answer: r.answer,
        status: r.status,
        waitlistPosition: r.status === 'waitlisted' ? ++position : undefined,
        needs: r.needs,
        attended: r.attended === null ? null : Boolean(r.attended),
        answeredAt: iso(r.answered_at),
      }));
  }

  /** Marks attendance after the start; returns the fact for the evaluation. */
  async recordAttendance(
    id: string,
    request: AttendanceRequest,
  ): Promise<AttendanceFact> {
    const now = this.now();
    return this.db.transaction(async tx => {
      const { occurrence, meeting } = await this.lock(tx, id);
      if (occurrence.status === 'cancelled') {
        throw new ConflictError('The meeting is cancelled');
      }
      if (toDate(occurrence.starts_at) > now) {
        throw new ConflictError(
          'Attendance can be marked once the meeting has started',
        );
      }
      const answered = new Set(
        (
          await tx<RsvpRow>('nm_rsvps')
            .where({ occurrence_id: id })
            .select('user_ref')
        ).map(r => r.user_ref),
      );
      request.attendees.forEach((a, i) => {
        if (!answered.has(a.userRef)) {
          throw new InputError(
            `Invalid body: attendees.${i}.userRef: has not answered this meeting`,
          );
        }
      });
      for (const value of [true, false]) {
        const refs = request.attendees
          .filter(a => a.attended === value)
          .map(a => a.userRef);
        for (let i = 0; i < refs.length; i += 100) {
          await tx('nm_rsvps')
            .where({ occurrence_id: id })
            .whereIn('user_ref', refs.slice(i, i + 100))
            .update({ attended: value, updated_at: now });
        }
      }
      const all = await tx<RsvpRow>('nm_rsvps').where({ occurrence_id: id });
      const fact = {
        occurrence_id: id,
        meeting_id: meeting.id,
        kind: meeting.kind,
        region: meeting.region,
        audience: meeting.audience,
        starts_at: toDate(occurrence.starts_at),
        confirmed: all.filter(r => r.status === 'confirmed').length,
        attended: all.filter(r => r.attended !== null && Boolean(r.attended))
          .length,
        absent: all.filter(r => r.attended !== null && !r.attended).length,
        recorded_at: now,
      };
      const [inserted] = await tx('nm_attendance_facts').insert(fact, ['id']);
      await tx('nm_occurrences')
        .where({ id })
        .update({ attendance_recorded_at: now, updated_at: now });
      const factId =
        typeof inserted === 'object'
          ? (inserted as { id: number }).id
          : inserted;
      return toFact({ ...fact, id: factId });
    });
  }

  /** Attendance facts after a cursor, oldest first. */
  async listFacts(
    after: string | undefined,
    limit: number,
  ): Promise<AttendanceFactList> {
    const rows = await this.db<FactRow>('nm_attendance_facts')
      .where('id', '>', Number(after ?? 0))
      .orderBy('id', 'asc')
      .limit(limit + 1);
    const items = rows.slice(0, limit).map(toFact);
    return {
      items,
      nextCursor: items.length ? items[items.length - 1].cursor : after,
    };
  }

  // --- feeds -------------------------------------------------------------

  /** A new subscription token for a person; the old one stops working. */
  async createFeedToken(
    userRef: string,
  ): Promise<{ token: string; createdAt: string }> {
    const token = randomBytes(32).toString('base64url');
    const now = this.now();
    await this.db.transaction(async tx => {
      await tx('nm_feed_tokens').where({ user_ref: userRef }).delete();
      await tx('nm_feed_tokens').insert({
        user_ref: userRef,
        token_hash: hashToken(token),
        created_at: now,
      });
    });
    return { token, createdAt: now.toISOString() };
  }

  async revokeFeedToken(userRef: string): Promise<boolean> {
    return (
      (await this.db('nm_feed_tokens').where({ user_ref: userRef }).delete()) >
      0
    );
  }

  async feedStatus(userRef: string): Promise<FeedStatus> {
    const row = await this.db('nm_feed_tokens')
      .where({ user_ref: userRef })
      .first();
    return row
      ? { active: true, createdAt: iso(row.created_at) }
      : { active: false };
  }

  /** The person a token belongs to, or undefined for an unknown or revoked one. */
  async userRefOfToken(token: string): Promise<string | undefined> {
    const row = await this.db('nm_feed_tokens')
      .where({ token_hash: hashToken(token) })
      .first();
    return row?.user_ref;
  }

  /** A person's meetings for their feed: from 60 days back, at most 500. */
  async meetingsForFeed(userRef: string): Promise<Meeting[]> {
    const rows = await this.joined(this.db)
      .whereExists(
        this.db('nm_rsvps as r')
          .select(this.db.raw('1'))
          .whereRaw('r.occurrence_id = o.id')
          .where('r.user_ref', userRef)
          .whereIn('r.status', ANSWERED_FOR_FEED),
      )
      .where('o.starts_at', '>=', new Date(this.now().getTime() - 60 * DAY_MS))
      .orderBy('o.starts_at', 'asc')
      .limit(500);
    return this.decorate(this.db, rows, { userRef, audiences: new Set() });
  }

  // --- reminders ---------------------------------------------------------

  /**
   * Claims the reminders due now: a week before (meetings starting in one
   * to seven days) and a day before (within a day), for those with a
   * place. The rows are written first, under a unique key, so that a
   * reminder is never sent twice, whoever runs this.
   */
  async claimReminders(): Promise<ReminderBatch[]> {
    const now = this.now();
    const windows: Array<{ kind: 'week' | 'day'; from: Date; to: Date }> = [
      { kind: 'day', from: now, to: new Date(now.getTime() + DAY_MS) },
      {
        kind: 'week',
        from: new Date(now.getTime() + DAY_MS),
        to: new Date(now.getTime() + 7 * DAY_MS),
      },
    ];
    const claimed: Array<{
      id: string;
      kind: 'week' | 'day';
      userRefs: string[];
    }> = [];
    for (const w of windows) {
      const due = await this.db<OccurrenceRow>('nm_occurrences')
        .where({ status: 'scheduled' })
        .where('starts_at', '>', w.from)
        .where('starts_at', '<=', w.to)
        .select('id');
      for (const { id } of due) {
        const refs = await this.db.transaction(async tx => {
          await this.lock(tx, id);
          const waiting: Array<{ user_ref: string }> = await tx('nm_rsvps as r')
            .where({ 'r.occurrence_id': id, 'r.status': 'confirmed' })
            .whereNotExists(
              tx('nm_reminders_sent as s')
                .select(tx.raw('1'))
                .whereRaw('s.occurrence_id = r.occurrence_id')
                .whereRaw('s.user_ref = r.user_ref')
                .where('s.kind', w.kind),
            )
            .select('r.user_ref');
          const userRefs = waiting.map(r => r.user_ref);
          for (let i = 0; i < userRefs.length; i += 100) {
            await tx('nm_reminders_sent').insert(
              userRefs.slice(i, i + 100).map(user_ref => ({
                occurrence_id: id,
                user_ref,
                kind: w.kind,
                sent_at: now,
              })),
            );
          }
          return userRefs;
        });
        if (refs.length) claimed.push({ id, kind: w.kind, userRefs: refs });
      }
    }
    const notices = await this.noticesOf(claimed);
    return notices.map((n, i) => ({ ...n, kind: claimed[i].kind }));
  }

  // --- personal data -----------------------------------------------------

  async exportPersonalData(userRef: string): Promise<JsonObject | undefined> {
    const rsvps = await this.db('nm_rsvps as r')
      .join('nm_occurrences as o', 'o.id', 'r.occurrence_id')
      .join('nm_meetings as m', 'm.id', 'o.meeting_id')
      .where('r.user_ref', userRef)
      .select('r.*', 'm.title', 'o.starts_at as meeting_starts_at')
      .orderBy('o.starts_at');
    const feed = await this.db('nm_feed_tokens')
      .where({ user_ref: userRef })
      .first();
    const reminders = await this.db('nm_reminders_sent')
      .where({ user_ref: userRef })
      .orderBy('sent_at');
    const created = await this.db<MeetingRow>('nm_meetings')
      .where({ created_by: userRef })
      .select('id', 'title', 'created_at');
    if (!rsvps.length && !feed && !reminders.length && !created.length) {
      return undefined;
    }
    return {
      answers: rsvps.map(r => ({
        meetingId: r.occurrence_id,
        title: r.title,
        startsAt: iso(r.meeting_starts_at),
        answer: r.answer,
        status: r.status,
        needs: r.needs,
        attended: r.attended === null ? null : Boolean(r.attended),
        answeredAt: iso(r.answered_at),
      })),
      calendarFeed: feed
        ? { active: true, createdAt: iso(feed.created_at) }
        : { active: false },
      remindersSent: reminders.map(r => ({
        meetingId: r.occurrence_id,
        kind: r.kind,
        sentAt: iso(r.sent_at),
      })),
      meetingsCreated: created.map(m => ({
        id: m.id,
        title: m.title,
        createdAt: iso(m.created_at),
      })),
    };
  }

  /**
   * Retention: the needs people gave with their answers (diet,
   * accessibility) are removed once the meeting ended longer ago than the
   * policy's days. The answers stay, for attendance.
   */
  async applyRetention(
    policy: RetentionPolicy,
    now: Date,
  ): Promise<RetentionReport> {
    const cutoff = retentionCutoff(now, {
      days: policy.rsvpNeedsAfterMeetingDays,
    });
    const count = await this.db('nm_rsvps')
      .whereIn(
        'occurrence_id',
        this.db('nm_occurrences').where('ends_at', '<', cutoff).select('id'),
      )
      .whereNot('needs', '')
      .update({ needs: '' });
    return {
      removed: [
        {
          rule: 'rsvpNeedsAfterMeetingDays',
          what: 'needs given with answers (diet, accessibility) for meetings that ended',
          count,
        },
      ],
    };
  }

  /**
   * Erases a person's answers, needs, reminders and feed token. A place
   * they held in an upcoming meeting goes to the first on the waitlist.
   * Meetings they organised stay, with the organiser's name removed.
   */
  async erasePersonalData(userRef: string): Promise<ErasureReport> {
    let erased = 0;
    const occurrenceIds = (
      await this.db<RsvpRow>('nm_rsvps')
        .where({ user_ref: userRef })
        .select('occurrence_id')
    ).map(r => r.occurrence_id);
    const now = this.now();
    for (const id of occurrenceIds) {
      erased += await this.db.transaction(async tx => {
        const { occurrence, meeting } = await this.lock(tx, id);
        const row = await tx<RsvpRow>('nm_rsvps')
          .where({ occurrence_id: id, user_ref: userRef })
          .first();
        if (!row) return 0;
        await tx('nm_rsvps')
          .where({ occurrence_id: id, user_ref: userRef })
          .delete();
        if (
          row.status === 'confirmed' &&
          occurrence.status === 'scheduled' &&
          toDate(occurrence.starts_at) > now
        ) {
          await this.promote(tx, id, meeting.capacity);
        }
        return 1;
      });
    }
    erased += await this.db('nm_reminders_sent')
      .where({ user_ref: userRef })
      .delete();
    erased += await this.db('nm_feed_tokens')
      .where({ user_ref: userRef })
      .delete();
    const anonymised = await this.db('nm_meetings')
      .where({ created_by: userRef })
      .update({ created_by: 'user:default/erased' });
    return {
      erased,
      anonymised,
      kept: [
        {
          what: 'attendance counts of meetings held',
          reason: 'counts without names, for the evaluation',
          code: 'attendance-counts',
        },
      ],
    };
  }
}

function toMyRsvp(r: RsvpRow, position?: number): MyRsvp {
  return {
    answer: r.answer,
    status: r.status,
    waitlistPosition: r.status === 'waitlisted' ? position : undefined,
    needs: r.needs,
    answeredAt: iso(r.answered_at),
  };
}

function toFact(r: FactRow): AttendanceFact {
  return {
    cursor: String(r.id),
    occurrenceId: r.occurrence_id,
    meetingId: r.meeting_id,
    kind: r.kind,
    region: r.region,
    audience: r.audience,
    startsAt: iso(r.starts_at),
    confirmed: Number(r.confirmed),
    attended: Number(r.attended),
    absent: Number(r.absent),
    recordedAt: iso(r.recorded_at),
  };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
