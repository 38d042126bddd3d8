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
  Assignment,
  AssignmentAction,
  AssignmentDetails,
  AssignmentFact,
  AssignmentList,
  AssignmentQuery,
  AssignmentState,
  BookingRequest,
  BookingUpdate,
  Feedback,
  FeedbackRequest,
  HistoryEntry,
  Honorarium,
  HonorariumList,
  HonorariumQuery,
  Interest,
  InterestStatus,
  RateTable,
  TransitionAction,
  TransitionRequest,
  computeHonorarium,
} from '@internal/plugin-assignments-common';
import {
  ErasureOptions,
  ErasureReport,
  PersonalDataProvider,
  RetentionPolicy,
  RetentionReport,
  retentionCutoff,
} from '@internal/plugin-personal-data-node';
import {
  cacheSqliteStatements,
  decodeKeyset,
  encodeKeyset,
  escapeLike,
  foldSwedish,
  queryTerms,
} from '@internal/plugin-portal-node';
import { JsonObject } from '@backstage/types';
import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { localToUtc, stockholmDay } from './time';

const MIGRATIONS = resolvePackagePath(
  '@internal/plugin-assignments-backend',
  'migrations',
);

/** Who is asking, as far as the store needs to know. */
export type Caller = {
  userRef: string;
  /** Catalog group names the caller is a member of (their units among them). */
  groups: string[];
  /** Coordinators: review, select, approve. */
  canManage: boolean;
  /** Peers: show interest. */
  canInterest: boolean;
};

/** What "suits me" ranks by: the calling peer's own profile. */
export type SuitabilityProfile = {
  region?: string;
  languages: string[];
  assignmentTypes: string[];
  experience: string[];
};

type AssignmentRow = {
  id: string;
  title: string;
  type: Assignment['type'];
  description: string;
  unit: string;
  region: string;
  contact_name: string;
  contact_email: string;
  contact_phone: string | null;
  place: string | null;
  digital_link: string | null;
  estimated_minutes: number;
  peers_wanted: number;
  experience_wanted: Assignment['experienceWanted'];
  language: Assignment['language'];
  interest_deadline: string;
  cost_centre: string;
  state: AssignmentState;
  review_note: string | null;
  first_start: string;
  last_end: string;
  selected_count: number;
  interest_count: number;
  created_by: string;
  created_at: string;
  updated_at: string;
  search_text: string;
  suitability?: number;
};

type InterestRow = {
  assignment_id: string;
  user_ref: string;
  display_name: string;
  message: string | null;
  status: InterestStatus;
  created_at: string;
  updated_at: string;
};

type HonorariumRow = {
  id: string;
  assignment_id: string;
  peer_ref: string;
  peer_name: string;
  cost_centre: string;
  work_date: string;
  actual_minutes: number;
  band: string;
  fee_ore: number;
  travel_ore: number;
  total_ore: number;
  state: Honorarium['state'];
  approved_by: string | null;
  approved_at: string | null;
  exported_at: string | null;
  export_batch_id: string | null;
  title?: string;
};

/** A whole assignment as the demo seed and the benchmark generator make it. */
export type GeneratedAssignment = {
  id: string;
  booking: BookingRequest;
  region: string;
  state: AssignmentState;
  createdBy: string;
  createdAt: string;
  reviewNote?: string;
  interests: Array<{
    userRef: string;
    displayName: string;
    status: InterestStatus;
    message?: string;
  }>;
  /** Completed and later: the hours each selected peer worked. */
  worked?: Array<{ userRef: string; actualHours: number; travel: boolean }>;
  feedback?: Array<{
    authorRef: string;
    authorKind: 'peer' | 'unit';
    rating: number;
    comment?: string;
  }>;
};

/** An earlier payroll export. */
export type ExportBatch = {
  id: string;
  from: string;
  to: string;
  createdBy: string;
  createdAt: string;
  count: number;
  totalOre: number;
};

/** Who may ask for each transition, and between which states. */
const TRANSITIONS: Record<
  TransitionAction,
  { from: AssignmentState[]; to: AssignmentState; who: 'manage' | 'unit' }
> = {
  publish: { from: ['requested'], to: 'open', who: 'manage' },
  'request-changes': { from: ['requested'], to: 'requested', who: 'manage' },
  decline: { from: ['requested'], to: 'declined', who: 'manage' },
  'mark-staffed': { from: ['open'], to: 'staffed', who: 'manage' },
  cancel: {
    from: ['requested', 'open', 'staffed'],
    to: 'cancelled',
    who: 'unit',
  },
  complete: { from: ['staffed'], to: 'completed', who: 'unit' },
  approve: { from: ['completed'], to: 'approved', who: 'manage' },
};

/** States in which the booking form can still be changed. */
const EDITABLE: AssignmentState[] = ['requested', 'open'];
/** States after the work, when feedback can be given. */
const DONE: AssignmentState[] = ['completed', 'approved', 'exported'];

const ERASED_REF = 'user:default/erased';

/** Lists count their total up to this many. */
const COUNT_LIMIT = 1000;

/** The state of generated honoraria, by the state of their assignment. */
const HONORARIUM_STATE_OF: Partial<
  Record<AssignmentState, Honorarium['state']>
> = { approved: 'approved', exported: 'exported' };

/**
 * The assignment board's store: its own tables only. Every change runs in
 * one transaction and writes its history entry in the same transaction.
 * Selections lock the assignment row (and, on PostgreSQL, the peer) so
 * that concurrent requests can neither overfill an assignment nor book a
 * peer twice at the same time; SQLite runs one writer at a time.
 */
export class DatabaseAssignmentStore implements PersonalDataProvider {
  private constructor(
    private readonly db: Knex,
    private readonly rates: RateTable,
    private readonly clock: () => Date,
  ) {}

  static async create(options: {
    database: DatabaseService;
    rates: RateTable;
    clock?: () => Date;
    skipMigrations?: boolean;
  }): Promise<DatabaseAssignmentStore> {
    const client = cacheSqliteStatements(await options.database.getClient());
    if (!options.database.migrations?.skip && !options.skipMigrations) {
      await client.migrate.latest({
        directory: MIGRATIONS,
        tableName: 'as_knex_migrations',
      });
    }
    await refreshStatistics(client, 'optimize');
    return new DatabaseAssignmentStore(
      client,
      options.rates,
      options.clock ?? (() => new Date()),
    );
  }

  private now(): string {
    return this.clock().toISOString();
  }

  /** Today in Europe/Stockholm. */
  today(): string {
    return stockholmDay(this.now());
  }

  // --- reads -------------------------------------------------------------

  async list(
    query: AssignmentQuery,
    caller: Caller,
    profile?: SuitabilityProfile,
  ): Promise<AssignmentList> {
    const { view } = query;
    if ((view === 'review' || view === 'all') && !caller.canManage) {
      throw new NotAllowedError(`view: ${view} is for coordinators`);
    }
    const suits = query.sort === 'suits-me';
    const score = suits ? suitabilityScore(profile) : undefined;

    const filtered = () => {
      const qb = this.db<AssignmentRow>('as_assignments as a');
      if (view === 'board') {
        qb.where('a.state', 'open').where(
          'a.interest_deadline',
          '>=',
          this.today(),
        );
      } else if (view === 'review') {
        qb.where('a.state', 'requested');
      } else if (view === 'mine') {
        // From the person's few interests to their assignments (index on
        // as_interests.user_ref), not the other way round.
        qb.whereIn(
          'a.id',
          this.db('as_interests')
            .where('user_ref', caller.userRef)
            .whereIn('status', ['interested', 'selected'])
            .select('assignment_id'),
        );
      } else if (view === 'unit') {
        qb.where(w =>
          w
            .where('a.created_by', caller.userRef)
            .orWhereIn('a.unit', caller.groups),
        );
      }
      if (query.state) qb.whereIn('a.state', query.state);
      if (query.type) qb.whereIn('a.type', query.type);
      if (query.region) qb.where('a.region', query.region);
      if (query.unit) qb.where('a.unit', query.unit);
      if (query.experience) qb.where('a.experience_wanted', query.experience);
      if (query.format === 'digital') qb.whereNotNull('a.digital_link');
      if (query.format === 'on-site') qb.whereNotNull('a.place');
      if (query.from) {
        qb.where('a.first_start', '>=', localToUtc(`${query.from}T00:00`));
      }
      if (query.to) {
        qb.where(
          'a.first_start',
          '<',
          localToUtc(`${nextDay(query.to)}T00:00`),
        );
      }
      for (const term of queryTerms(query.q)) {
        qb.whereRaw(`a.search_text like ? escape '\\'`, [
          `%${escapeLike(term)}%`,
        ]);
      }
      return qb;
    };

    // Keyset pagination on (sort key..., id), all ascending, compared as
    // a row value so that both databases can walk an index.
    const keys: string[] =
      query.sort === 'deadline'
        ? ['a.interest_deadline', 'a.first_start', 'a.id']
        : ['a.first_start', 'a.id'];
    const page = filtered();
    if (score) {
      page.select(
        'a.*',
        this.db.raw(`(${score.sql}) as suitability`, score.bindings),
      );
    } else {
      page.select('a.*');
    }
    if (query.cursor) {
      if (score) {
        const [s, ...rest] = decodeKeyset<[number, string, string]>(
          query.cursor,
          ['integer', 'string', 'string'],
        );
        page.whereRaw(`(-(${score.sql}), a.first_start, a.id) > (?, ?, ?)`, [
          ...score.bindings,
          -s,
          ...rest,
        ]);
      } else {
        const values = decodeKeyset<string[]>(
          query.cursor,
          keys.map(() => 'string'),
        );
        page.whereRaw(
          `(${keys.join(', ')}) > (${keys.map(() => '?').join(', ')})`,
          values,
        );
      }
    }
    if (score) {
      page.orderByRaw(`(${score.sql}) desc`, score.bindings);
      page.orderBy('a.first_start', 'asc').orderBy('a.id', 'asc');
    } else {
      for (const key of keys) page.orderBy(key, 'asc');
    }
    const rows = (await page.limit(query.limit + 1)) as AssignmentRow[];
    const hasMore = rows.length > query.limit;
    const pageRows = rows.slice(0, query.limit);

    // The total, on the first page only, counted up to COUNT_LIMIT: past
    // that, "more than 1000" is all a person needs, and the count stays
    // cheap however large the board grows.
    let totalCount: number | undefined;
    let totalIsAtLeast: boolean | undefined;
    if (!query.cursor) {
      const [{ count }] = await this.db
        .from(
          filtered()
            .select(this.db.raw('1'))
            .limit(COUNT_LIMIT + 1)
            .as('c'),
        )
        .count({ count: '*' });
      totalCount = Math.min(Number(count), COUNT_LIMIT);
      totalIsAtLeast = Number(count) > COUNT_LIMIT || undefined;
    }
    const items = await this.toAssignments(pageRows, caller);
    if (score) {
      pageRows.forEach((row, i) => {
        items[i].suitability = Number(row.suitability ?? 0);
      });
    }
    const last = pageRows[pageRows.length - 1];
    let nextCursor: string | undefined;
    if (hasMore && last) {
      if (score) {
        nextCursor = encodeKeyset([
          Number(last.suitability ?? 0),
          last.first_start,
          last.id,
        ]);
      } else if (query.sort === 'deadline') {
        nextCursor = encodeKeyset([
          last.interest_deadline,
          last.first_start,
          last.id,
        ]);
      } else {
        nextCursor = encodeKeyset([last.first_start, last.id]);
      }
    }
    return { items, totalCount, totalIsAtLeast, nextCursor };
  }

  /** Open assignments that peers can still show interest in. */
  async countOpen(): Promise<number> {
    const [{ count }] = await this.db('as_assignments')
      .where('state', 'open')
      .where('interest_deadline', '>=', this.today())
      .count({ count: '*' });
    return Number(count);
  }

  async get(id: string, caller: Caller): Promise<AssignmentDetails> {
    const row = await this.db<AssignmentRow>('as_assignments')
      .where({ id })
      .first();
    if (!row || !canSee(row, caller)) {
      // Requests that are not one's own are not shown: same answer as none.
      throw new NotFoundError(`No assignment with id ${id}`);
    }
    const [assignment] = await this.toAssignments([row], caller);
    const seesAll = caller.canManage || isUnit(row, caller);

    const historyRows = await this.db('as_history')
      .where({ assignment_id: id })
      .orderBy('id', 'asc');
    const history: HistoryEntry[] = historyRows
      .filter(
        h => !h.subject_ref || seesAll || h.subject_ref === caller.userRef,
      )
      .map(h => ({
        at: h.at,
        actor: h.actor,
        action: h.action,
        fromState: h.from_state ?? undefined,
        toState: h.to_state ?? undefined,
        note: h.note ?? undefined,
      }));

    const interestQuery = this.db<InterestRow>('as_interests')
      .where({ assignment_id: id })
      .whereNot('status', 'withdrawn')
      .orderBy('created_at', 'asc')
      .orderBy('user_ref', 'asc');
    if (!caller.canManage) {
      if (isUnit(row, caller)) interestQuery.where('status', 'selected');
      else interestQuery.where('user_ref', caller.userRef);
    }
    const interests: Interest[] = (await interestQuery).map(i => ({
      userRef: i.user_ref,
      displayName: i.display_name,
      message: i.message ?? undefined,
      status: i.status,
      createdAt: i.created_at,
    }));

    const feedbackRows = await this.db('as_feedback')
      .where({ assignment_id: id })
      .orderBy('created_at', 'asc');
    const feedback: Feedback[] = feedbackRows
      .filter(f => seesAll || f.author_ref === caller.userRef)
      .map(f => ({
        authorKind: f.author_kind,
        rating: Number(f.rating),
        comment: f.comment ?? undefined,
        createdAt: f.created_at,
      }));

    const honorariumQuery = this.db<HonorariumRow>('as_honoraria')
      .where({ assignment_id: id })
      .orderBy('peer_name', 'asc');
    if (!seesAll) honorariumQuery.where('peer_ref', caller.userRef);
    const honoraria = (await honorariumQuery).map(h =>
      toHonorarium(h, row.title),
    );

    const actions = assignment.allowedActions;
    const gaveFeedback = feedbackRows.some(
      f => f.author_ref === caller.userRef,
    );
    if (
      DONE.includes(row.state) &&
      !gaveFeedback &&
      (isUnit(row, caller) || assignment.myInterest === 'selected')
    ) {
      actions.push('feedback');
    }
    return { ...assignment, history, interests, feedback, honoraria };
  }

  // --- the booking form ----------------------------------------------------

  async create(
    booking: BookingRequest,
    options: { createdBy: string; region: string; publish: boolean },
  ): Promise<string> {
    const id = randomUUID();
    const now = this.now();
    const slots = toSlots(booking.slots);
    if (slots[0].start < now) {
      throw new InputError('Invalid body: slots: must not be in the past');
    }
    if (booking.interestDeadline < this.today()) {
      throw new InputError(
        'Invalid body: interestDeadline: must not be in the past',
      );
    }
    const state: AssignmentState = options.publish ? 'open' : 'requested';
    await this.db.transaction(async tx => {
      await tx('as_assignments').insert({
        id,
        ...bookingColumns(booking),
        region: options.region,
        state,
        first_start: slots[0].start,
        last_end: slots.reduce((m, s) => (s.end > m ? s.end : m), slots[0].end),
        created_by: options.createdBy,
        created_at: now,
        updated_at: now,
        search_text: searchText(booking),
      });
      await tx('as_slots').insert(
        slots.map((s, position) => ({
          assignment_id: id,
          position,
          start_at: s.start,
          end_at: s.end,
        })),
      );
      await tx('as_history').insert({
        assignment_id: id,
        at: now,
        actor: options.createdBy,
        action: options.publish ? 'created-and-published' : 'created',
        to_state: state,
      });
    });
    return id;
  }

  async update(
    id: string,
    update: BookingUpdate,
    caller: Caller,
    region?: string,
  ): Promise<void> {
    await this.db.transaction(async tx => {
      const row = await lockAssignment(tx, id);
      if (!canSee(row, caller)) {
        throw new NotFoundError(`No assignment with id ${id}`);
      }
      if (!caller.canManage && !isUnit(row, caller)) {
        throw new NotAllowedError('Only the unit or a coordinator may edit');
      }
      if (!EDITABLE.includes(row.state)) {
        throw new ConflictError(
          `An assignment that is ${row.state} can no longer be edited`,
        );
      }
      const merged = { ...fromRow(row), ...update } as BookingRequest;
      const changes: Record<string, unknown> = {
        ...bookingColumns(merged),
        search_text: searchText(merged),
        updated_at: this.now(),
      };
      if (region) changes.region = region;
      if (update.slots) {
        if (row.selected_count > 0) {
          throw new ConflictError(
            'The times cannot change once peers are selected: cancel and book again',
          );
        }
        const slots = toSlots(update.slots);
        changes.first_start = slots[0].start;
        changes.last_end = slots.reduce(
          (m, s) => (s.end > m ? s.end : m),
          slots[0].end,
        );
        await tx('as_slots').where({ assignment_id: id }).delete();
        await tx('as_slots').insert(
          slots.map((s, position) => ({
            assignment_id: id,
            position,
            start_at: s.start,
            end_at: s.end,
          })),
        );
      }
      if (
        update.peersWanted !== undefined &&
        update.peersWanted < row.selected_count
      ) {
        throw new ConflictError(
          `peersWanted: ${row.selected_count} peers are already selected`,
        );
      }
      await tx('as_assignments').where({ id }).update(changes);
      await tx('as_history').insert({
        assignment_id: id,
        at: this.now(),
        actor: caller.userRef,
        action: 'edited',
        note: Object.keys(update).sort().join(', '),
      });
    });
  }

  // --- interest and selection ----------------------------------------------

  async showInterest(
    id: string,
    caller: Caller,
    displayName: string,
    message?: string,
  ): Promise<void> {
    await this.db.transaction(async tx => {
      const row = await lockAssignment(tx, id);
      if (row.state !== 'open' || !canSee(row, caller)) {
        throw new ConflictError('The assignment is not open for interest');
      }
      if (row.interest_deadline < this.today()) {
        throw new ConflictError(
          `The last day to show interest was ${row.interest_deadline}`,
        );
      }
      const now = this.now();
      const existing = await tx<InterestRow>('as_interests')
        .where({ assignment_id: id, user_ref: caller.userRef })
        .first();
      if (existing && existing.status !== 'withdrawn') {
        // Repeated: keep one registration, update the message.
        await tx('as_interests')
          .where({ assignment_id: id, user_ref: caller.userRef })
          .update({ message: message ?? existing.message, updated_at: now });
        return;
      }
      if (existing) {
        await tx('as_interests')
          .where({ assignment_id: id, user_ref: caller.userRef })
          .update({
            status: 'interested',
            message: message ?? null,
            display_name: displayName,
            updated_at: now,
          });
      } else {
        await tx('as_interests').insert({
          assignment_id: id,
          user_ref: caller.userRef,
          display_name: displayName,
          message: message ?? null,
          status: 'interested',
          created_at: now,
          updated_at: now,
        });
      }
      await tx('as_assignments').where({ id }).increment('interest_count', 1);
    });
  }

  async withdrawInterest(id: string, caller: Caller): Promise<void> {
    await this.db.transaction(async tx => {
      await lockAssignment(tx, id);
      const existing = await tx<InterestRow>('as_interests')
        .where({ assignment_id: id, user_ref: caller.userRef })
        .first();
      if (!existing || existing.status === 'withdrawn') {
        return;
      }
      if (existing.status === 'selected') {
        throw new ConflictError(
          'You are selected for this assignment: contact the coordinator to withdraw',
        );
      }
      await tx('as_interests')
        .where({ assignment_id: id, user_ref: caller.userRef })
        .update({ status: 'withdrawn', updated_at: this.now() });
      await tx('as_assignments').where({ id }).decrement('interest_count', 1);
    });
  }

  /**
   * Selects an interested peer. Under concurrent requests an assignment
   * never gets more peers than it wants, and a peer is never booked for two
   * assignments whose times overlap: the assignment row is locked, and on
   * PostgreSQL a transaction-scoped advisory lock on the peer serialises
   * selections of the same person across assignments.
   */
  async select(
    id: string,
    userRef: string,
    caller: Caller,
  ): Promise<{ staffed: boolean; title: string; unit: string }> {
    return this.db.transaction(async tx => {
      const row = await lockAssignment(tx, id);
      if (row.state !== 'open') {
        throw new ConflictError(
          `Peers can be selected only while the assignment is open (it is ${row.state})`,
        );
      }
      const interest = await tx<InterestRow>('as_interests')
        .where({ assignment_id: id, user_ref: userRef })
        .first();
      if (!interest || interest.status === 'withdrawn') {
        throw new ConflictError(`${userRef} has not shown interest`);
      }
      if (interest.status === 'selected') {
        throw new ConflictError(`${interest.display_name} is already selected`);
      }
      if (row.selected_count >= row.peers_wanted) {
        throw new ConflictError(
          `The assignment already has the ${row.peers_wanted} peers it wants`,
        );
      }
      if (tx.client.config.client === 'pg') {
        await tx.raw('select pg_advisory_xact_lock(hashtext(?))', [
          `assignments:peer:${userRef}`,
        ]);
      }
      const slots = await tx('as_slots')
        .where({ assignment_id: id })
        .orderBy('position');
      const clash = await tx('as_bookings as b')
        .join('as_assignments as o', 'o.id', 'b.assignment_id')
        .where('b.user_ref', userRef)
        .where(w => {
          for (const s of slots) {
            w.orWhere(o =>
              o
                .where('b.start_at', '<', s.end_at)
                .where('b.end_at', '>', s.start_at),
            );
          }
        })
        .first('o.title');
      if (clash) {
        throw new ConflictError(
          `${interest.display_name} is already booked at that time (${clash.title})`,
        );
      }
      const now = this.now();
      await tx('as_bookings').insert(
        slots.map(s => ({
          user_ref: userRef,
          assignment_id: id,
          start_at: s.start_at,
          end_at: s.end_at,
        })),
      );
      await tx('as_interests')
        .where({ assignment_id: id, user_ref: userRef })
        .update({ status: 'selected', updated_at: now });
      const staffed = row.selected_count + 1 >= row.peers_wanted;
      await tx('as_assignments')
        .where({ id })
        .update({
          selected_count: row.selected_count + 1,
          state: staffed ? 'staffed' : row.state,
          updated_at: now,
        });
      await tx('as_history').insert({
        assignment_id: id,
        at: now,
        actor: caller.userRef,
        action: 'selected',
        note: interest.display_name,
        subject_ref: userRef,
        from_state: staffed ? 'open' : null,
        to_state: staffed ? 'staffed' : null,
      });
      return { staffed, title: row.title, unit: row.unit };
    });
  }

  /** The peers selected for an assignment (for notifications). */
  async selectedPeers(id: string): Promise<string[]> {
    const rows = await this.db('as_interests')
      .where({ assignment_id: id, status: 'selected' })
      .orderBy('user_ref');
    return rows.map(r => r.user_ref);
  }

  // --- transitions -----------------------------------------------------------

  /**
   * Moves an assignment from one state to the next. A caller without the
   * role gets 403, a state that does not allow it 409; either way nothing
   * changes. Returns the facts recorded for the evaluation dashboards.
   */
  async transition(
    id: string,
    request: TransitionRequest,
    caller: Caller,
  ): Promise<{
    from: AssignmentState;
    to: AssignmentState;
    facts: AssignmentFact[];
    row: { title: string; unit: string; createdBy: string };
  }> {
    return this.db.transaction(async tx => {
      const row = await lockAssignment(tx, id);
      if (!canSee(row, caller)) {
        throw new NotFoundError(`No assignment with id ${id}`);
      }
      const rule = TRANSITIONS[request.action];
      const mayAct =
        caller.canManage || (rule.who === 'unit' && isUnit(row, caller));
      if (!mayAct) {
        throw new NotAllowedError(
          `Not allowed: ${request.action} is for ${
            rule.who === 'manage' ? 'coordinators' : 'the unit or coordinators'
          }`,
        );
      }
      if (!rule.from.includes(row.state)) {
        throw new ConflictError(
          `Cannot ${request.action} an assignment that is ${row.state}`,
        );
      }
      const now = this.now();
      const facts: Array<Omit<AssignmentFact, 'seq'>> = [];
      const base = {
        assignmentId: id,
        occurredAt: now,
        workDate: stockholmDay(row.last_end),
        unit: row.unit,
        region: row.region,
        type: row.type,
      };
      const changes: Record<string, unknown> = {
        state: rule.to,
        updated_at: now,
      };
      let note: string | undefined;

      switch (request.action) {
        case 'request-changes':
        case 'decline':
        case 'cancel':
          note = request.reason;
          changes.review_note = request.reason;
          if (request.action === 'cancel') {
            await tx('as_bookings').where({ assignment_id: id }).delete();
          }
          break;
        case 'publish':
          changes.review_note = null;
          break;
        case 'mark-staffed':
          if (row.selected_count < 1) {
            throw new ConflictError('Select at least one peer first');
          }
          break;
        case 'complete': {
          const selected = new Map(
            (
              await tx<InterestRow>('as_interests').where({
                assignment_id: id,
                status: 'selected',
              })
            ).map(i => [i.user_ref, i]),
          );
          for (const peer of request.peers) {
            if (!selected.has(peer.userRef)) {
              throw new InputError(
                `Invalid body: peers: ${peer.userRef} is not selected for this assignment`,
              );
            }
          }
          const peers = request.peers.map(p => ({
            ...p,
            minutes: Math.round(p.actualHours * 60),
          }));
          await tx('as_honoraria').insert(
            peers.map(p => {
              const amount = computeHonorarium(this.rates, p.minutes, p.travel);
              return {
                id: randomUUID(),
                assignment_id: id,
                peer_ref: p.userRef,
                peer_name: selected.get(p.userRef)!.display_name,
                cost_centre: row.cost_centre,
                work_date: stockholmDay(row.last_end),
                actual_minutes: p.minutes,
                band: amount.band,
                fee_ore: amount.feeOre,
                travel_ore: amount.travelOre,
                total_ore: amount.totalOre,
                state: 'pending',
              };
            }),
          );
          // Hours in all, without names: the history outlives erasure.
          note = `${peers.reduce((sum, p) => sum + p.minutes, 0) / 60} h`;
          facts.push({
            ...base,
            kind: 'assignment-completed',
            peers: peers.map(p => ({
              peerRef: p.userRef,
              actualMinutes: p.minutes,
            })),
          });
          break;
        }
        case 'approve': {
          await tx('as_honoraria')
            .where({ assignment_id: id, state: 'pending' })
            .update({
              state: 'approved',
              approved_by: caller.userRef,
              approved_at: now,
            });
          const [{ total }] = await tx('as_honoraria')
            .where({ assignment_id: id })
            .sum({ total: 'total_ore' });
          facts.push({
            ...base,
            kind: 'honorarium-approved',
            totalOre: Number(total ?? 0),
          });
          break;
        }
        default:
          break;
      }
      await tx('as_assignments').where({ id }).update(changes);
      await tx('as_history').insert({
        assignment_id: id,
        at: now,
        actor: caller.userRef,
        action: request.action,
        from_state: row.state,
        to_state: rule.to,
        note: note ?? null,
      });
      const recorded = await recordFacts(tx, facts);
      return {
        from: row.state,
        to: rule.to,
        facts: recorded,
        row: { title: row.title, unit: row.unit, createdBy: row.created_by },
      };
    });
  }

  // --- feedback ---------------------------------------------------------------

  async giveFeedback(
    id: string,
    request: FeedbackRequest,
    caller: Caller,
  ): Promise<AssignmentFact[]> {
    return this.db.transaction(async tx => {
      const row = await lockAssignment(tx, id);
      if (!canSee(row, caller)) {
        throw new NotFoundError(`No assignment with id ${id}`);
      }
      const selected = await tx('as_interests')
        .where({
          assignment_id: id,
          user_ref: caller.userRef,
          status: 'selected',
        })
        .first();
      let authorKind: 'peer' | 'unit' | undefined;
      if (selected) authorKind = 'peer';
      else if (isUnit(row, caller)) authorKind = 'unit';
      if (!authorKind) {
        throw new NotAllowedError(
          'Only the selected peers and the unit can give feedback',
        );
      }
      if (!DONE.includes(row.state)) {
        throw new ConflictError('Feedback can be given once the work is done');
      }
      const existing = await tx('as_feedback')
        .where({ assignment_id: id, author_ref: caller.userRef })
        .first();
      if (existing) {
        throw new ConflictError('You have already given feedback');
      }
      const now = this.now();
      await tx('as_feedback').insert({
        assignment_id: id,
        author_ref: caller.userRef,
        author_kind: authorKind,
        rating: request.rating,
        comment: request.comment ?? null,
        created_at: now,
      });
      await tx('as_history').insert({
        assignment_id: id,
        at: now,
        actor: caller.userRef,
        action: 'feedback',
        subject_ref: caller.userRef,
      });
      return recordFacts(tx, [
        {
          kind: 'feedback-given',
          assignmentId: id,
          occurredAt: now,
          workDate: stockholmDay(row.last_end),
          unit: row.unit,
          region: row.region,
          type: row.type,
          rating: request.rating,
          authorKind,
        },
      ]);
    });
  }

  // --- honoraria and payroll ----------------------------------------------------

  async listHonoraria(query: HonorariumQuery): Promise<HonorariumList> {
    const qb = this.db<HonorariumRow>('as_honoraria as h')
      .join('as_assignments as a', 'a.id', 'h.assignment_id')
      .select('h.*', 'a.title as title');
    if (query.state) qb.where('h.state', query.state);
    if (query.from) qb.where('h.work_date', '>=', query.from);
    if (query.to) qb.where('h.work_date', '<=', query.to);
    const rows = (await qb
      .orderBy('h.work_date', 'desc')
      .orderBy('h.peer_name', 'asc')
      .limit(5000)) as HonorariumRow[];
    const items = rows.map(r => toHonorarium(r, r.title ?? ''));
    return { items, totalOre: items.reduce((sum, h) => sum + h.totalOre, 0) };
  }

  /**
   * Marks every approved honorarium whose work ended in the period as
   * exported, in one statement under a new batch id, and returns that batch.
   * Two exports at the same time can never both take the same honorarium:
   * the update only takes rows still `approved`.
   */
  async exportHonoraria(
    period: { from: string; to: string },
    actor: string,
  ): Promise<{ batch: ExportBatch; items: Honorarium[] }> {
    return this.db.transaction(async tx => {
      const id = randomUUID();
      const now = this.now();
      await tx('as_export_batches').insert({
        id,
        period_from: period.from,
        period_to: period.to,
        created_by: actor,
        created_at: now,
        row_count: 0,
        total_ore: 0,
      });
      await tx('as_honoraria')
        .where('state', 'approved')
        .where('work_date', '>=', period.from)
        .where('work_date', '<=', period.to)
        .update({ state: 'exported', exported_at: now, export_batch_id: id });
      const items = await this.batchItems(tx, id);
      const totalOre = items.reduce((sum, h) => sum + h.totalOre, 0);
      await tx('as_export_batches')
        .where({ id })
        .update({ row_count: items.length, total_ore: totalOre });
      const assignmentIds = [...new Set(items.map(h => h.assignmentId))];
      for (const assignmentId of assignmentIds) {
        const left = await tx('as_honoraria')
          .where({ assignment_id: assignmentId })
          .whereNot('state', 'exported')
          .first('id');
        if (!left) {
          await tx('as_assignments')
            .where({ id: assignmentId, state: 'approved' })
            .update({ state: 'exported', updated_at: now });
          await tx('as_history').insert({
            assignment_id: assignmentId,
            at: now,
            actor,
            action: 'exported',
            from_state: 'approved',
            to_state: 'exported',
            note: `${period.from} – ${period.to}`,
          });
        }
      }
      return {
        batch: {
          id,
          from: period.from,
          to: period.to,
          createdBy: actor,
          createdAt: now,
          count: items.length,
          totalOre,
        },
        items,
      };
    });
  }

  async getExport(
    batchId: string,
  ): Promise<{ batch: ExportBatch; items: Honorarium[] }> {
    const row = await this.db('as_export_batches')
      .where({ id: batchId })
      .first();
    if (!row) {
      throw new NotFoundError(`No export with id ${batchId}`);
    }
    return {
      batch: toBatch(row),
      items: await this.batchItems(this.db, batchId),
    };
  }

  async listExports(): Promise<ExportBatch[]> {
    const rows = await this.db('as_export_batches')
      .orderBy('created_at', 'desc')
      .limit(100);
    return rows.map(toBatch);
  }

  private async batchItems(db: Knex, batchId: string): Promise<Honorarium[]> {
    const rows = (await db('as_honoraria as h')
      .join('as_assignments as a', 'a.id', 'h.assignment_id')
      .where('h.export_batch_id', batchId)
      .select('h.*', 'a.title as title')
      .orderBy('h.peer_name', 'asc')
      .orderBy('h.cost_centre', 'asc')
      .orderBy('h.work_date', 'asc')) as HonorariumRow[];
    return rows.map(r => toHonorarium(r, r.title ?? ''));
  }

  // --- facts for the evaluation dashboards --------------------------------------

  async listFacts(after: number, limit: number) {
    const rows = await this.db('as_facts')
      .where('seq', '>', after)
      .orderBy('seq', 'asc')
      .limit(limit + 1);
    const items: AssignmentFact[] = rows.slice(0, limit).map(toFact);
    return {
      items,
      nextCursor:
        rows.length > limit ? String(items[items.length - 1].seq) : undefined,
    };
  }

  // --- personal data ---------------------------------------------------------------

  async exportPersonalData(userRef: string): Promise<JsonObject | undefined> {
    const [interests, honoraria, feedback, booked] = await Promise.all([
      this.db('as_interests as i')
        .join('as_assignments as a', 'a.id', 'i.assignment_id')
        .where('i.user_ref', userRef)
        .select(
          'a.id as assignmentId',
          'a.title',
          'i.status',
          'i.message',
          'i.created_at as createdAt',
        ),
      this.db<HonorariumRow>('as_honoraria').where({ peer_ref: userRef }),
      this.db('as_feedback').where({ author_ref: userRef }),
      this.db('as_assignments')
        .where({ created_by: userRef })
        .select('id', 'title', 'state', 'created_at as createdAt'),
    ]);
    if (
      !interests.length &&
      !honoraria.length &&
      !feedback.length &&
      !booked.length
    ) {
      return undefined;
    }
    return JSON.parse(
      JSON.stringify({
        interests,
        honoraria: honoraria.map(h => toHonorarium(h, '')),
        feedback: feedback.map(f => ({
          assignmentId: f.assignment_id,
          rating: Number(f.rating),
          comment: f.comment ?? undefined,
          createdAt: f.created_at,
        })),
        bookedAssignments: booked,
      }),
    );
  }

  /**
   * Erases interests and bookings of assignments not yet done, removes the
   * person from feedback and history, puts the pseudonym in their place in
   * the facts for the evaluation (so that the dashboards' counts of people
   * stay right), and keeps honoraria (bookkeeping law: paid honoraria are
   * kept for seven years) and assignments they booked (a unit's record),
   * as the report says.
   */
  async erasePersonalData(
    userRef: string,
    options: ErasureOptions = {},
  ): Promise<ErasureReport> {
    const pseudonym = options.pseudonym ?? `user:erased/${randomUUID()}`;
    return this.db.transaction(async tx => {
      let erased = 0;
      let anonymised = 0;
      const open = await tx('as_interests as i')
        .join('as_assignments as a', 'a.id', 'i.assignment_id')
        .where('i.user_ref', userRef)
        .select('i.assignment_id', 'i.status', 'a.state');
      for (const i of open) {
        if (
          i.status !== 'withdrawn' &&
          ['requested', 'open'].includes(i.state)
        ) {
          await tx('as_assignments')
            .where({ id: i.assignment_id })
            .decrement('interest_count', 1);
        }
        if (i.status === 'selected' && ['open', 'staffed'].includes(i.state)) {
          await tx('as_assignments')
            .where({ id: i.assignment_id })
            .decrement('selected_count', 1);
          await tx('as_assignments')
            .where({ id: i.assignment_id, state: 'staffed' })
            .update({ state: 'open' });
        }
      }
      erased += await tx('as_bookings').where({ user_ref: userRef }).delete();
      erased += await tx('as_interests').where({ user_ref: userRef }).delete();
      anonymised += await tx('as_feedback')
        .where({ author_ref: userRef })
        .update({ author_ref: `${ERASED_REF}-${randomUUID()}`, comment: null });
      anonymised += await tx('as_history')
        .where({ subject_ref: userRef })
        .update({ subject_ref: ERASED_REF, note: null });
      anonymised += await tx('as_history')
        .where({ actor: userRef })
        .update({ actor: ERASED_REF });
      const facts = await tx('as_facts')
        .whereRaw("payload LIKE ? ESCAPE '\\'", [
          `%${escapeLike(JSON.stringify(userRef))}%`,
        ])
        .select('seq', 'payload');
      for (const fact of facts) {
        const payload = JSON.parse(fact.payload) as AssignmentFact;
        if (!payload.peers?.some(p => p.peerRef === userRef)) continue;
        payload.peers = payload.peers.map(p =>
          p.peerRef === userRef ? { ...p, peerRef: pseudonym } : p,
        );
        anonymised += await tx('as_facts')
          .where({ seq: fact.seq })
          .update({ payload: JSON.stringify(payload) });
      }
      const kept: ErasureReport['kept'] = [];
      const [{ honoraria }] = await tx('as_honoraria')
        .where({ peer_ref: userRef })
        .count({ honoraria: '*' });
      if (Number(honoraria) > 0) {
        kept.push({
          what: `${honoraria} honoraria`,
          reason: 'Bookkeeping: paid honoraria are kept for seven years',
          code: 'honoraria-bookkeeping',
          count: Number(honoraria),
        });
      }
      const [{ booked }] = await tx('as_assignments')
        .where({ created_by: userRef })
        .count({ booked: '*' });
      if (Number(booked) > 0) {
        kept.push({
          what: `${booked} assignments booked for a unit`,
          reason:
            "The unit's record of what it booked; the person's name is not in it",
          code: 'booked-assignments',
          count: Number(booked),
        });
      }
      return { erased, anonymised, kept };
    });
  }

  /**
   * Retention: interests that were never followed by a selection are
   * removed once their assignment ended longer ago than the policy's months.
   * The assignment's interest count stays (a number, about nobody).
   */
  async applyRetention(
    policy: RetentionPolicy,
    now: Date,
  ): Promise<RetentionReport> {
    const cutoff = retentionCutoff(now, {
      months: policy.interestNotFollowedUpMonths,
    }).toISOString();
    const count: number = await this.db('as_interests')
      .whereIn(
        'assignment_id',
        this.db('as_assignments').where('last_end', '<', cutoff).select('id'),
      )
      .whereIn('status', ['interested', 'withdrawn'])
      .delete();
    return {
      removed: [
        {
          rule: 'interestNotFollowedUpMonths',
          what: 'interests never followed by a selection, in assignments that ended',
          count,
        },
      ],
    };
  }

  // --- demo data and benchmarks --------------------------------------------------------

  /**
   * Inserts generated assignments as they are, in any state, skipping ids
   * that exist (so a seed can run at every start). The rules of the API do
   * not apply: this is for demo data and benchmarks only.
   */
  async insertGenerated(items: GeneratedAssignment[]): Promise<number> {
    let created = 0;
    const chunk = 400;
    for (let i = 0; i < items.length; i += chunk) {
      const part = items.slice(i, i + chunk);
      const existing = new Set(
        (
          await this.db('as_assignments')
            .whereIn(
              'id',
              part.map(a => a.id),
            )
            .select('id')
        ).map(r => r.id),
      );
      const fresh = part.filter(a => !existing.has(a.id));
      if (!fresh.length) continue;
      await this.db.transaction(async tx => {
        const rows = fresh.map(a => {
          const slots = toSlots(a.booking.slots);
          const selected = a.interests.filter(x => x.status === 'selected');
          return {
            assignment: {
              id: a.id,
              ...bookingColumns(a.booking),
              region: a.region,
              state: a.state,
              review_note: a.reviewNote ?? null,
              first_start: slots[0].start,
              last_end: slots.reduce(
                (m, x) => (x.end > m ? x.end : m),
                slots[0].end,
              ),
              selected_count: selected.length,
              interest_count: a.interests.filter(x => x.status !== 'withdrawn')
                .length,
              created_by: a.createdBy,
              created_at: a.createdAt,
              updated_at: a.createdAt,
              search_text: searchText(a.booking),
            },
            slots,
            selected,
          };
        });
        await batchInsert(
          tx,
          'as_assignments',
          rows.map(r => r.assignment),
        );
        await batchInsert(
          tx,
          'as_slots',
          rows.flatMap(r =>
            r.slots.map((x, position) => ({
              assignment_id: r.assignment.id,
              position,
              start_at: x.start,
              end_at: x.end,
            })),
          ),
        );
        await batchInsert(
          tx,
          'as_interests',
          fresh.flatMap(a =>
            a.interests.map(x => ({
              assignment_id: a.id,
              user_ref: x.userRef,
              display_name: x.displayName,
              message: x.message ?? null,
              status: x.status,
              created_at: a.createdAt,
              updated_at: a.createdAt,
            })),
          ),
        );
        await batchInsert(
          tx,
          'as_bookings',
          rows
            .filter(
              r => !['cancelled', 'declined'].includes(r.assignment.state),
            )
            .flatMap(r =>
              r.selected.flatMap(p =>
                r.slots.map(x => ({
                  user_ref: p.userRef,
                  assignment_id: r.assignment.id,
                  start_at: x.start,
                  end_at: x.end,
                })),
              ),
            ),
        );
        await batchInsert(
          tx,
          'as_history',
          fresh.map(a => ({
            assignment_id: a.id,
            at: a.createdAt,
            actor: a.createdBy,
            action: 'created',
            to_state: a.state,
            note: 'Demo data',
          })),
        );
        const exportBatch =
          fresh.some(a => a.state === 'exported') && randomUUID();
        const honoraria = rows.flatMap(r => {
          const a = fresh.find(x => x.id === r.assignment.id)!;
          const names = new Map(
            a.interests.map(x => [x.userRef, x.displayName]),
          );
          return (a.worked ?? []).map(w => {
            const minutes = Math.round(w.actualHours * 60);
            const amount = computeHonorarium(this.rates, minutes, w.travel);
            const state = HONORARIUM_STATE_OF[a.state] ?? 'pending';
            return {
              id: randomUUID(),
              assignment_id: a.id,
              peer_ref: w.userRef,
              peer_name: names.get(w.userRef) ?? w.userRef,
              cost_centre: a.booking.costCentre,
              work_date: stockholmDay(r.assignment.last_end),
              actual_minutes: minutes,
              band: amount.band,
              fee_ore: amount.feeOre,
              travel_ore: amount.travelOre,
              total_ore: amount.totalOre,
              state,
              approved_by: state === 'pending' ? null : a.createdBy,
              approved_at: state === 'pending' ? null : a.createdAt,
              exported_at: state === 'exported' ? a.createdAt : null,
              export_batch_id: state === 'exported' ? exportBatch : null,
            };
          });
        });
        if (exportBatch) {
          const exported = honoraria.filter(h => h.state === 'exported');
          const days = exported.map(h => h.work_date).sort();
          await tx('as_export_batches').insert({
            id: exportBatch,
            period_from: days[0],
            period_to: days[days.length - 1],
            created_by: 'user:default/karin.sjoberg',
            created_at: this.now(),
            row_count: exported.length,
            total_ore: exported.reduce((sum, h) => sum + h.total_ore, 0),
          });
        }
        await batchInsert(tx, 'as_honoraria', honoraria);
        await batchInsert(
          tx,
          'as_feedback',
          fresh.flatMap(a =>
            (a.feedback ?? []).map(f => ({
              assignment_id: a.id,
              author_ref: f.authorRef,
              author_kind: f.authorKind,
              rating: f.rating,
              comment: f.comment ?? null,
              created_at: a.createdAt,
            })),
          ),
        );
        await batchInsert(
          tx,
          'as_facts',
          rows
            .filter(r => DONE.includes(r.assignment.state))
            .flatMap(r => {
              const a = fresh.find(x => x.id === r.assignment.id)!;
              const base = {
                assignmentId: a.id,
                occurredAt: r.assignment.last_end,
                workDate: stockholmDay(r.assignment.last_end),
                unit: a.booking.unit,
                region: a.region,
                type: a.booking.type,
              };
              const facts: Array<Omit<AssignmentFact, 'seq'>> = [
                {
                  ...base,
                  kind: 'assignment-completed',
                  peers: (a.worked ?? []).map(w => ({
                    peerRef: w.userRef,
                    actualMinutes: Math.round(w.actualHours * 60),
                  })),
                },
              ];
              if (r.assignment.state !== 'completed') {
                facts.push({
                  ...base,
                  kind: 'honorarium-approved',
                  totalOre: honoraria
                    .filter(h => h.assignment_id === a.id)
                    .reduce((sum, h) => sum + h.total_ore, 0),
                });
              }
              return facts.map(fact => ({
                kind: fact.kind,
                assignment_id: a.id,
                occurred_at: fact.occurredAt,
                payload: JSON.stringify(fact),
              }));
            }),
        );
      });
      created += fresh.length;
    }
    if (created) await refreshStatistics(this.db, 'analyze');
    return created;
  }

  // --- helpers ----------------------------------------------------------------------

  private async toAssignments(
    rows: AssignmentRow[],
    caller: Caller,
  ): Promise<Assignment[]> {
    if (!rows.length) return [];
    const ids = rows.map(r => r.id);
    const [slotRows, mine] = await Promise.all([
      this.db('as_slots')
        .whereIn('assignment_id', ids)
        .orderBy('assignment_id')
        .orderBy('position'),
      this.db<InterestRow>('as_interests')
        .whereIn('assignment_id', ids)
        .where('user_ref', caller.userRef),
    ]);
    const slots = new Map<string, Array<{ start: string; end: string }>>();
    for (const s of slotRows) {
      const list = slots.get(s.assignment_id) ?? [];
      list.push({ start: s.start_at, end: s.end_at });
      slots.set(s.assignment_id, list);
    }
    const myInterest = new Map(mine.map(i => [i.assignment_id, i.status]));
    const today = this.today();
    return rows.map(row => {
      const interest = myInterest.get(row.id);
      return {
        ...fromRow(row),
        slots: slots.get(row.id) ?? [],
        id: row.id,
        region: row.region,
        state: row.state,
        reviewNote: row.review_note ?? undefined,
        createdBy: row.created_by,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        interestCount: Number(row.interest_count),
        selectedCount: Number(row.selected_count),
        myInterest: interest,
        allowedActions: allowedActions(row, caller, interest, today),
      };
    });
  }
}

// --- pure helpers ------------------------------------------------------------------

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function toSlots(slots: BookingRequest['slots']) {
  return slots
    .map(s => ({ start: localToUtc(s.start), end: localToUtc(s.end) }))
    .sort((a, b) => a.start.localeCompare(b.start));
}

function bookingColumns(b: BookingRequest) {
  return {
    title: b.title,
    type: b.type,
    description: b.description,
    unit: b.unit,
    contact_name: b.contactName,
    contact_email: b.contactEmail,
    contact_phone: b.contactPhone ?? null,
    place: b.place ?? null,
    digital_link: b.digitalLink ?? null,
    estimated_minutes: Math.round(b.estimatedHours * 60),
    peers_wanted: b.peersWanted,
    experience_wanted: b.experienceWanted,
    language: b.language,
    interest_deadline: b.interestDeadline,
    cost_centre: b.costCentre,
  };
}

function searchText(b: { title: string; unit: string; description: string }) {
  return foldSwedish(`${b.title} ${b.unit} ${b.description}`);
}

/** The booking-form fields of a row, as the API shows them. */
function fromRow(row: AssignmentRow) {
  return {
    title: row.title,
    type: row.type,
    description: row.description,
    unit: row.unit,
    contactName: row.contact_name,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone ?? undefined,
    place: row.place ?? undefined,
    digitalLink: row.digital_link ?? undefined,
    estimatedHours: Number(row.estimated_minutes) / 60,
    peersWanted: Number(row.peers_wanted),
    experienceWanted: row.experience_wanted,
    language: row.language,
    interestDeadline: row.interest_deadline,
    costCentre: row.cost_centre,
  };
}

/** Whether the caller booked the assignment or belongs to its unit. */
function isUnit(row: AssignmentRow, caller: Caller): boolean {
  return row.created_by === caller.userRef || caller.groups.includes(row.unit);
}

/**
 * Requests, declined and cancelled assignments are seen only by
 * coordinators and the unit; everything else by everyone signed in.
 */
function canSee(row: AssignmentRow, caller: Caller): boolean {
  if (caller.canManage || isUnit(row, caller)) return true;
  return !['requested', 'declined'].includes(row.state);
}

function allowedActions(
  row: AssignmentRow,
  caller: Caller,
  interest: InterestStatus | undefined,
  today: string,
): AssignmentAction[] {
  const actions: AssignmentAction[] = [];
  const unit = isUnit(row, caller);
  for (const [action, rule] of Object.entries(TRANSITIONS) as Array<
    [TransitionAction, (typeof TRANSITIONS)[TransitionAction]]
  >) {
    const who = caller.canManage || (rule.who === 'unit' && unit);
    if (who && rule.from.includes(row.state)) {
      if (action === 'mark-staffed' && Number(row.selected_count) < 1) continue;
      actions.push(action);
    }
  }
  if (EDITABLE.includes(row.state) && (caller.canManage || unit)) {
    actions.push('edit');
  }
  if (row.state === 'open') {
    if (
      caller.canManage &&
      Number(row.selected_count) < Number(row.peers_wanted)
    ) {
      actions.push('select');
    }
    if (caller.canInterest && row.interest_deadline >= today) {
      if (!interest || interest === 'withdrawn') actions.push('interest');
    }
    if (interest === 'interested') actions.push('withdraw-interest');
  }
  return actions;
}

function suitabilityScore(profile: SuitabilityProfile | undefined): {
  sql: string;
  bindings: Knex.Value[];
} {
  const parts: string[] = [];
  const bindings: Knex.Value[] = [];
  const inList = (column: string, values: string[], points: number) => {
    if (!values.length) return;
    parts.push(
      `case when ${column} in (${values
        .map(() => '?')
        .join(', ')}) then ${points} else 0 end`,
    );
    bindings.push(...values);
  };
  inList('a.type', profile?.assignmentTypes ?? [], 4);
  inList('a.region', profile?.region ? [profile.region] : [], 2);
  inList('a.language', profile?.languages ?? [], 2);
  inList('a.experience_wanted', ['either', ...(profile?.experience ?? [])], 2);
  return { sql: parts.join(' + ') || '0', bindings };
}

/**
 * Keeps SQLite's query planner informed: without statistics it picks the
 * wrong index for the board (measured: 140 ms against 1 ms at 100,000
 * assignments). PostgreSQL's autovacuum does this on its own.
 */
async function refreshStatistics(db: Knex, how: 'optimize' | 'analyze') {
  if (db.client.config.client === 'pg') return;
  await db.raw(how === 'analyze' ? 'ANALYZE' : 'PRAGMA optimize=0x10002');
}

async function batchInsert(
  tx: Knex.Transaction,
  table: string,
  rows: Array<Record<string, unknown>>,
) {
  if (!rows.length) return;
  const columns = Object.keys(rows[0]).length;
  // Stay under the bound-parameter limits of both databases, and under
  // SQLite's 500 terms of a compound select (knex's multi-row insert).
  const size = Math.max(1, Math.min(400, Math.floor(8000 / columns)));
  for (let i = 0; i < rows.length; i += size) {
    await tx(table).insert(rows.slice(i, i + size));
  }
}

async function lockAssignment(
  tx: Knex.Transaction,
  id: string,
): Promise<AssignmentRow> {
  const query = tx<AssignmentRow>('as_assignments').where({ id });
  if (tx.client.config.client === 'pg') {
    query.forUpdate();
  }
  const row = await query.first();
  if (!row) {
    throw new NotFoundError(`No assignment with id ${id}`);
  }
  return row;
}

async function recordFacts(
  tx: Knex.Transaction,
  facts: Array<Omit<AssignmentFact, 'seq'>>,
): Promise<AssignmentFact[]> {
  const recorded: AssignmentFact[] = [];
  for (const fact of facts) {
    const [inserted] = await tx('as_facts')
      .insert({
        kind: fact.kind,
        assignment_id: fact.assignmentId,
        occurred_at: fact.occurredAt,
        payload: JSON.stringify(fact),
      })
      .returning('seq');
    const seq = typeof inserted === 'object' ? inserted.seq : inserted;
    recorded.push({ ...fact, seq: Number(seq) });
  }
  return recorded;
}

function toFact(row: { seq: number; payload: string }): AssignmentFact {
  return { ...JSON.parse(row.payload), seq: Number(row.seq) };
}

function toHonorarium(row: HonorariumRow, title: string): Honorarium {
  return {
    id: row.id,
    assignmentId: row.assignment_id,
    assignmentTitle: title,
    peerRef: row.peer_ref,
    peerName: row.peer_name,
    costCentre: row.cost_centre,
    workDate: row.work_date,
    actualMinutes: Number(row.actual_minutes),
    band: row.band,
    feeOre: Number(row.fee_ore),
    travelOre: Number(row.travel_ore),
    totalOre: Number(row.total_ore),
    state: row.state,
    approvedBy: row.approved_by ?? undefined,
    approvedAt: row.approved_at ?? undefined,
    exportedAt: row.exported_at ?? undefined,
    exportBatchId: row.export_batch_id ?? undefined,
  };
}

function toBatch(row: any): ExportBatch {
  return {
    id: row.id,
    from: row.period_from,
    to: row.period_to,
    createdBy: row.created_by,
    createdAt: row.created_at,
    count: Number(row.row_count),
    totalOre: Number(row.total_ore),
  };
}
