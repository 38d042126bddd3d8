import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { AssignmentFact } from '@internal/plugin-assignments-common';
import {
  EvaluationScope,
  Figure,
  FilterOptions,
  KEY_FIGURES,
  KeyFigureName,
  KeyFigures,
  MetricGroupBy,
  MetricsResponse,
  OutcomeInput,
  OutcomeList,
  OutcomePeriod,
  SESSION_MODES,
  SUPPRESSED,
  SessionMode,
  SupportSession,
  SupportSessionInput,
  UnitOutcomes,
  monthSpan,
  suppress,
} from '@internal/plugin-evaluation-common';
import { AttendanceFact } from '@internal/plugin-network-meetings-common';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { cacheSqliteStatements } from '@internal/plugin-portal-node';
import {
  addMonths,
  monthsBetween,
  quarterOf,
  stockholmDay,
  stockholmMonth,
} from './time';
import { SetUnion, withMembers } from './bitset';

const MIGRATIONS = resolvePackagePath(
  '@internal/plugin-evaluation-backend',
  'migrations',
);

/** Where facts come from: the plugin ids of their sources. */
export const FACT_SOURCES = ['assignments', 'network-meetings'] as const;
export type FactSource = (typeof FACT_SOURCES)[number];

/** Whose figures a query may see. */
export type Scope =
  | { kind: 'all' }
  | { kind: 'units'; units: string[] }
  | { kind: 'own'; userRef: string };

/** A metrics query with its period resolved. */
export type ResolvedMetricsQuery = {
  from: string;
  to: string;
  groupBy: MetricGroupBy;
  region?: string;
  unit?: string;
  type?: string;
};

/** The raw sums of one cell, before suppression. */
type Cell = {
  assignments: number;
  minutes: number;
  honorariaOre: number;
  feedbackCount: number;
  feedbackSum: number;
  peers: number;
  units: number;
  sessions: Record<SessionMode, number>;
  /** Null when meeting attendance does not apply to the query. */
  attended: number | null;
  /** Null when support sessions do not apply (a type filter or grouping). */
  sessionsApply: boolean;
};

type OutcomeRow = {
  unit: string;
  period_start: string;
  period_end: string;
  region: string;
  inpatient_days: number | null;
  admissions: number | null;
  readmissions_30d: number | null;
  average_length_of_stay: number | null;
  self_stigma_score: number | null;
  self_stigma_respondents: number | null;
  recovery_instrument: 'RAS' | 'QPR' | null;
  recovery_score: number | null;
  recovery_respondents: number | null;
  staff_attitudes_score: number | null;
  staff_attitudes_respondents: number | null;
  updated_by: string;
  updated_at: string;
};

const TOTAL = '*';

/** The key columns of ev_peer_monthly (a peer's own monthly figures). */
export const PEER_KEYS = ['month', 'region', 'unit', 'type', 'peer_ref'];

/** The key columns of ev_cells. */
const CELL_KEYS = ['level', 'span', 'period', 'region', 'unit', 'type'];

/** An empty set for a new cell (its members are added after). */
const EMPTY_SETS = { people: Buffer.alloc(0), units: Buffer.alloc(0) };

/** The sums of assignment facts in ev_cells. */
const CELL_SUMS = [
  'assignments',
  'minutes',
  'honoraria_ore',
  'feedback_count',
  'feedback_sum',
];

/** What ev_cells has in place of a unit or type on the levels without it. */
const EVERY = '*';

/** The level of ev_cells with units and/or types (see the migration). */
function cellLevel(byUnit: boolean, byType: boolean): number {
  return (byUnit ? 1 : 0) + (byType ? 2 : 0);
}

/** A row of ev_cells as the metrics read it. */
type CellRow = {
  span: Span;
  period: string;
  region: string;
  unit: string;
  type: string;
  assignments: number | string;
  minutes: number | string;
  honoraria_ore: number | string;
  feedback_count: number | string;
  feedback_sum: number | string;
  people: Uint8Array | null;
  units: Uint8Array | null;
} & Record<SessionColumn, number | string>;

/** The spans ev_cells keeps each cell for. */
type Span = 'month' | 'year';

/** The column of ev_cells with the support sessions of a mode. */
type SessionColumn = `sessions_${string}`;
const sessionColumn = (mode: SessionMode): SessionColumn =>
  `sessions_${mode.replace(/-/g, '_')}`;

/**
 * The cells of ev_cells that make up the months from..to: whole calendar
 * years where the period covers them, and the months around them (at most
 * 22 months and the years between), or every month when the query groups
 * by month or quarter.
 */
function periodParts(
  from: string,
  to: string,
  monthly: boolean,
): Array<{ span: Span; from: string; to: string }> {
  const fromYear = Number(from.slice(0, 4));
  const toYear = Number(to.slice(0, 4));
  const firstYear = from.endsWith('-01') ? fromYear : fromYear + 1;
  const lastYear = to.endsWith('-12') ? toYear : toYear - 1;
  if (monthly || firstYear > lastYear) return [{ span: 'month', from, to }];
  const parts: Array<{ span: Span; from: string; to: string }> = [
    { span: 'year', from: String(firstYear), to: String(lastYear) },
  ];
  if (from < `${firstYear}-01`) {
    parts.push({ span: 'month', from, to: `${firstYear - 1}-12` });
  }
  if (to > `${lastYear}-12`) {
    parts.push({ span: 'month', from: `${lastYear + 1}-01`, to });
  }
  return parts;
}

/** The group a row of ev_cells falls in. */
function rowKey(groupBy: MetricGroupBy | undefined): (r: CellRow) => string {
  switch (groupBy) {
    case 'month':
      return r => r.period;
    case 'quarter':
      return r => quarterOf(r.period);
    case 'region':
      return r => r.region;
    case 'unit':
      return r => r.unit;
    case 'type':
      return r => r.type;
    default:
      return () => TOTAL;
  }
}

/** The cells of one period by group key, and an empty one of the same kind. */
type Cells = { cells: Map<string, Cell>; blank: () => Cell };

/**
 * The evaluation's store: its own tables only. Facts from the other plugins
 * are inserted once (a unique key; a repeat is ignored) and, in the same
 * transaction, added to the monthly rollups that every dashboard query
 * reads. Raw facts are kept for audit and rebuilding, never queried by the
 * dashboards.
 */
export class DatabaseEvaluationStore {
  private constructor(
    private readonly db: Knex,
    private readonly clock: () => Date,
  ) {}

  static async create(options: {
    database: DatabaseService;
    clock?: () => Date;
  }): Promise<DatabaseEvaluationStore> {
    const client = cacheSqliteStatements(await options.database.getClient());
    if (!options.database.migrations?.skip) {
      await client.migrate.latest({
        directory: MIGRATIONS,
        tableName: 'ev_knex_migrations',
      });
    }
    await refreshStatistics(client, 'optimize');
    return new DatabaseEvaluationStore(
      client,
      options.clock ?? (() => new Date()),
    );
  }

  private now(): string {
    return this.clock().toISOString();
  }

  /** The current month in Europe/Stockholm. */
  currentMonth(): string {
    return stockholmMonth(this.now());
  }

  /** Today in Europe/Stockholm. */
  today(): string {
    return stockholmDay(this.clock());
  }

  // --- ingestion ---------------------------------------------------------------

  /** How far the scheduled pull has read a source. */
  async getCursor(source: FactSource): Promise<string | undefined> {
    const row = await this.db('ev_cursors').where({ source }).first();
    return row?.position;
  }

  /**
   * Ingests assignment facts: each (seq, kind, assignment) once, whatever
   * the path and however often it arrives. Returns how many were new. With
   * `cursor`, the pull's position is moved in the same transaction.
   */
  async ingestAssignmentFacts(
    facts: AssignmentFact[],
    options: { cursor?: string } = {},
  ): Promise<number> {
    return this.db.transaction(async tx => {
      const inserted = await insertFacts(
        tx,
        'assignments',
        facts.map(f => ({
          row: {
            seq: f.seq,
            kind: f.kind,
            subject_id: f.assignmentId,
            month: f.workDate.slice(0, 7),
            payload: JSON.stringify(f),
          },
          fact: f,
        })),
        this.now(),
      );
      await addAssignmentFacts(tx, inserted);
      if (options.cursor !== undefined) {
        await setCursor(tx, 'assignments', options.cursor, this.now());
      }
      return inserted.length;
    });
  }

  /**
   * Ingests attendance facts of network meetings. Each is stored once; the
   * latest fact of a meeting occurrence (the highest position) is the one
   * that counts, so a meeting marked again replaces its earlier figures.
   */
  async ingestAttendanceFacts(
    facts: AttendanceFact[],
    options: { cursor?: string } = {},
  ): Promise<number> {
    return this.db.transaction(async tx => {
      const inserted = await insertFacts(
        tx,
        'network-meetings',
        facts.map(f => ({
          row: {
            seq: Number(f.cursor),
            kind: 'attendance-recorded',
            subject_id: f.occurrenceId,
            month: stockholmMonth(f.startsAt),
            payload: JSON.stringify(f),
          },
          fact: f,
        })),
        this.now(),
      );
      for (const fact of inserted.sort(
        (a, b) => Number(a.cursor) - Number(b.cursor),
      )) {
        await applyAttendance(tx, fact);
      }
      if (options.cursor !== undefined) {
        await setCursor(tx, 'network-meetings', options.cursor, this.now());
      }
      return inserted.length;
    });
  }

  /** Keeps the query planner's statistics fresh after a large ingestion. */
  async analyze(): Promise<void> {
    await refreshStatistics(this.db, 'analyze');
  }

  // --- support sessions ---------------------------------------------------------

  async addSupportSession(
    input: SupportSessionInput,
    supporterRef: string,
    region: string,
    options: { id?: string } = {},
  ): Promise<SupportSession> {
    const row = {
      id: options.id ?? randomUUID(),
      supporter_ref: supporterRef,
      date: input.date,
      month: input.date.slice(0, 7),
      region,
      unit: input.unit,
      mode: input.mode,
      minutes: input.minutes,
      topic: input.topic,
      kind: input.kind,
      created_at: this.now(),
    };
    await this.db.transaction(async tx => {
      await tx('ev_support_sessions').insert(row);
      // Sessions have no assignment type: levels 0 and 1 only.
      await addTo(
        tx,
        'ev_cells',
        CELL_KEYS,
        cellsOfMonth(row.month, region, row.unit, EVERY, [0, 1]).map(k => ({
          ...k,
          [sessionColumn(row.mode)]: 1,
        })),
        { sums: [sessionColumn(row.mode)], fill: EMPTY_SETS },
      );
    });
    return toSession(row);
  }

  /** Whether any support session has one of these ids (the demo seed). */
  async hasSession(id: string): Promise<boolean> {
    return !!(await this.db('ev_support_sessions').where({ id }).first());
  }

  /** The caller's own latest sessions. */
  async ownSessions(
    supporterRef: string,
    limit: number,
  ): Promise<SupportSession[]> {
    const rows = await this.db('ev_support_sessions')
      .where({ supporter_ref: supporterRef })
      .orderBy('date', 'desc')
      .orderBy('created_at', 'desc')
      .limit(limit);
    return rows.map(toSession);
  }

  // --- outcomes -----------------------------------------------------------------

  /** Stores one or many outcome rows, all or none (one transaction). */
  async upsertOutcomes(
    items: Array<{ input: OutcomeInput; region: string }>,
    by: string,
  ): Promise<number> {
    const now = this.now();
    await this.db.transaction(async tx => {
      const rows = items.map(({ input, region }) => ({
        unit: input.unit,
        period_start: input.periodStart,
        period_end: input.periodEnd,
        region,
        inpatient_days: input.inpatientDays ?? null,
        admissions: input.admissions ?? null,
        readmissions_30d: input.readmissions30d ?? null,
        average_length_of_stay: input.averageLengthOfStay ?? null,
        self_stigma_score: input.selfStigmaScore ?? null,
        self_stigma_respondents: input.selfStigmaRespondents ?? null,
        recovery_instrument: input.recoveryInstrument ?? null,
        recovery_score: input.recoveryScore ?? null,
        recovery_respondents: input.recoveryRespondents ?? null,
        staff_attitudes_score: input.staffAttitudesScore ?? null,
        staff_attitudes_respondents: input.staffAttitudesRespondents ?? null,
        updated_by: by,
        updated_at: now,
      }));
      // The last row of a file wins when it names the same unit and period twice.
      const unique = new Map(
        rows.map(r => [`${r.unit}|${r.period_start}|${r.period_end}`, r]),
      );
      for (const chunk of chunks([...unique.values()], 100)) {
        await tx('ev_outcomes')
          .insert(chunk)
          .onConflict(['unit', 'period_start', 'period_end'])
          .merge();
      }
      const starts = new Map<string, Record<string, string>>();
      for (const { input, region } of items) {
        if (input.peerSupportStartedOn) {
          starts.set(input.unit, {
            unit: input.unit,
            region,
            started_on: input.peerSupportStartedOn,
            updated_by: by,
            updated_at: now,
          });
        }
      }
      for (const chunk of chunks([...starts.values()], 100)) {
        await tx('ev_unit_starts').insert(chunk).onConflict('unit').merge();
      }
    });
    return items.length;
  }

  /** Outcome indicators per unit, suppressed, for the caller's scope. */
  async listOutcomes(
    query: { region?: string; unit?: string },
    scope: Scope,
  ): Promise<OutcomeList> {
    if (scope.kind === 'own') return { items: [] };
    const filter = (q: Knex.QueryBuilder) => {
      if (query.region) q.where('region', query.region);
      if (query.unit) q.where('unit', query.unit);
      if (scope.kind === 'units') q.whereIn('unit', scope.units);
      return q;
    };
    const [rows, starts] = await Promise.all([
      filter(this.db<OutcomeRow>('ev_outcomes'))
        .orderBy('unit')
        .orderBy('period_start')
        .orderBy('period_end')
        .limit(5000) as Promise<OutcomeRow[]>,
      filter(this.db('ev_unit_starts')) as Promise<
        Array<{ unit: string; region: string; started_on: string }>
      >,
    ]);
    const units = new Map<string, UnitOutcomes>();
    for (const s of starts) {
      units.set(s.unit, {
        unit: s.unit,
        region: s.region,
        peerSupportStartedOn: s.started_on,
        periods: [],
      });
    }
    for (const row of rows) {
      let unit = units.get(row.unit);
      if (!unit) {
        unit = {
          unit: row.unit,
          region: row.region,
          peerSupportStartedOn: null,
          periods: [],
        };
        units.set(row.unit, unit);
      }
      unit.periods.push(toOutcomePeriod(row, unit.peerSupportStartedOn));
    }
    return {
      items: [...units.values()].sort((a, b) => a.unit.localeCompare(b.unit)),
    };
  }

  // --- filters ------------------------------------------------------------------

  /** The regions, units and types there are figures for, in the scope. */
  async filterOptions(scope: Scope): Promise<FilterOptions> {
    if (scope.kind === 'own') {
      return { regions: [], units: [], types: [] };
    }
    const limit = (q: Knex.QueryBuilder) =>
      scope.kind === 'units' ? q.whereIn('unit', scope.units) : q;
    const [a, o, t] = await Promise.all([
      limit(
        this.db('ev_cells')
          .distinct('region', 'unit')
          .where({ level: cellLevel(true, false), span: 'year' }),
      ),
      limit(this.db('ev_outcomes').distinct('region', 'unit')),
      limit(
        this.db('ev_cells')
          .distinct('type')
          .where({
            level: cellLevel(scope.kind === 'units', true),
            span: 'year',
          }),
      ),
    ]);
    const units = new Map<string, string>();
    for (const r of [...a, ...o]) units.set(r.unit, r.region);
    return {
      regions: [...new Set(units.values())].sort(),
      units: [...units.entries()]
        .map(([unit, region]) => ({ unit, region }))
        .sort((x, y) => x.unit.localeCompare(y.unit)),
      types: t.map((r: { type: string }) => r.type).sort(),
    };
  }

  // --- metrics ------------------------------------------------------------------

  /**
   * The key figures of a period and its breakdown, with the previous period
   * of equal length, from the rollups only. Figures resting on fewer than
   * five people or sessions come back as "<5".
   */
  async metrics(
    query: ResolvedMetricsQuery,
    scope: Scope,
  ): Promise<MetricsResponse> {
    const span = monthSpan(query.from, query.to);
    const previous = {
      from: addMonths(query.from, -span),
      to: addMonths(query.from, -1),
    };
    const current = { from: query.from, to: query.to };
    // The whole period comes with its groups (the same cells, added up).
    const [grouped, totals, previousTotals] = await Promise.all(
      scope.kind === 'own'
        ? [
            this.ownCells(query, current, query.groupBy, scope),
            this.ownCells(query, current, undefined, scope),
            this.ownCells(query, previous, undefined, scope),
          ]
        : [
            this.cells(query, current, query.groupBy, scope),
            undefined,
            this.cells(query, previous, undefined, scope),
          ],
    ).then(([g, t, p]) => [g!, t ?? g!, p!] as const);
    const own = scope.kind === 'own';
    const figuresOf = (cell: Cell) =>
      own ? ownFigures(cell) : suppressedFigures(cell);

    let keys = [...grouped.cells.keys()].filter(k => k !== TOTAL).sort();
    if (query.groupBy === 'month' || query.groupBy === 'quarter') {
      const all = monthsBetween(query.from, query.to);
      keys = query.groupBy === 'month' ? all : [...new Set(all.map(quarterOf))];
    }
    const groups = keys.map(key => ({
      key,
      figures: figuresOf(grouped.cells.get(key) ?? grouped.blank()),
    }));
    if (!own) secondarySuppression(groups.map(g => g.figures));

    const total = figuresOf(totals.cells.get(TOTAL) ?? totals.blank());
    const before = figuresOf(
      previousTotals.cells.get(TOTAL) ?? previousTotals.blank(),
    );
    const changePercent: MetricsResponse['changePercent'] = {};
    for (const name of KEY_FIGURES) {
      changePercent[name] = change(total[name], before[name]);
    }
    return {
      from: query.from,
      to: query.to,
      groupBy: query.groupBy,
      scope: scope.kind as EvaluationScope,
      previous,
      totals: total,
      previousTotals: before,
      changePercent,
      groups,
    };
  }

  /**
   * The raw cells of a period by group key, and the whole period under `*`.
   * Reads the coarsest level of ev_cells that has the dimensions the query
   * filters or groups by: at most one row per month and cell, whatever the
   * number of facts. Distinct people and units are the sizes of the unions
   * of the cells' sets; sums are added up.
   */
  private async cells(
    query: ResolvedMetricsQuery,
    period: { from: string; to: string },
    groupBy: MetricGroupBy | undefined,
    scope: Exclude<Scope, { kind: 'own' }>,
  ): Promise<Cells> {
    const db = this.db;
    // Support sessions have no assignment type; meetings neither a unit nor
    // a type. Whether they apply to the groups and to the whole period:
    const sessionsApply = !query.type;
    const sessionsByGroup = sessionsApply && groupBy !== 'type';
    const meetingsApply = scope.kind === 'all' && !query.unit && !query.type;
    const meetingsByGroup =
      meetingsApply && groupBy !== 'unit' && groupBy !== 'type';
    const byUnit = !!query.unit || scope.kind === 'units' || groupBy === 'unit';
    const byType = !!query.type || groupBy === 'type';

    const cellsOf = (level: number, monthly: boolean) => {
      const q = db('ev_cells')
        .select(
          'span',
          'period',
          'region',
          'unit',
          'type',
          ...CELL_SUMS,
          ...SESSION_MODES.map(sessionColumn),
          'people',
          'units',
        )
        .where('level', level)
        .where(or => {
          // Months (YYYY-MM) and years (YYYY) are fixed-width text within
          // their span: comparing them as text is exact.
          for (const part of periodParts(period.from, period.to, monthly)) {
            or.orWhere(w =>
              w
                .where('span', part.span)
                .where('period', '>=', part.from)
                .where('period', '<=', part.to),
            );
          }
        });
      if (query.region) q.where('region', query.region);
      if (query.unit) q.where('unit', query.unit);
      if (scope.kind === 'units') q.whereIn('unit', scope.units);
      if (query.type && level & 2) q.where('type', query.type);
      return q as Promise<CellRow[]>;
    };
    const monthly = groupBy === 'month' || groupBy === 'quarter';
    const level = cellLevel(byUnit, byType);
    const meetings = db('ev_meeting_monthly')
      .select({
        k: groupKey(db, meetingsByGroup ? groupBy : undefined),
        n: db.raw('sum(attended)'),
      })
      .where('month', '>=', period.from)
      .where('month', '<=', period.to)
      .groupBy('k');
    if (query.region) meetings.where('region', query.region);

    const [rows, sessionRows, meetingRows] = await Promise.all([
      cellsOf(level, monthly),
      // Sessions are on the levels without a type: grouped by type, the
      // whole period's sessions come from the level without it.
      sessionsApply && !sessionsByGroup
        ? cellsOf(cellLevel(byUnit, false), false)
        : Promise.resolve([]),
      meetingsApply ? meetings : Promise.resolve([]),
    ]);

    const blank = () => blankCell(sessionsByGroup, meetingsByGroup);
    const total = blankCell(sessionsApply, meetingsApply);
    const cells = new Map<string, Cell>([[TOTAL, total]]);
    const sets = new Map<string, { people: SetUnion; units: SetUnion }>();
    const keyOf = rowKey(groupBy);
    for (const r of rows) {
      const k = keyOf(r);
      let c = cells.get(k);
      let s = sets.get(k);
      if (!c) {
        c = blank();
        cells.set(k, c);
      }
      if (!s) {
        s = { people: new SetUnion(), units: new SetUnion() };
        sets.set(k, s);
      }
      c.assignments += Number(r.assignments);
      c.minutes += Number(r.minutes);
      c.honorariaOre += Number(r.honoraria_ore);
      c.feedbackCount += Number(r.feedback_count);
      c.feedbackSum += Number(r.feedback_sum);
      if (sessionsByGroup) {
        for (const mode of SESSION_MODES) {
          c.sessions[mode] += Number(r[sessionColumn(mode)]);
        }
      }
      s.people.add(r.people);
      s.units.add(r.units);
    }
    // The whole period: the sums of its groups, the unions of their sets.
    if (groupBy) {
      const all = { people: new SetUnion(), units: new SetUnion() };
      for (const [k, c] of cells) {
        if (k === TOTAL) continue;
        total.assignments += c.assignments;
        total.minutes += c.minutes;
        total.honorariaOre += c.honorariaOre;
        total.feedbackCount += c.feedbackCount;
        total.feedbackSum += c.feedbackSum;
        for (const mode of SESSION_MODES)
          total.sessions[mode] += c.sessions[mode];
        all.people.addUnion(sets.get(k)!.people);
        all.units.addUnion(sets.get(k)!.units);
      }
      sets.set(TOTAL, all);
    }
    for (const [k, s] of sets) {
      const c = cells.get(k)!;
      c.peers = s.people.size;
      c.units = s.units.size;
    }
    for (const r of sessionRows) {
      for (const mode of SESSION_MODES) {
        total.sessions[mode] += Number(r[sessionColumn(mode)]);
      }
    }
    for (const r of meetingRows) {
      const k = String(r.k);
      const n = Number(r.n ?? 0);
      // Meetings of all regions (region '') have no region to group by.
      if (k !== TOTAL && !(groupBy === 'region' && k === '')) {
        let c = cells.get(k);
        if (!c) {
          c = blank();
          cells.set(k, c);
        }
        c.attended = (c.attended ?? 0) + n;
      }
      total.attended = (total.attended ?? 0) + n;
    }
    return { cells, blank };
  }

  /** A peer's own cells: their work and their sessions, nobody else's. */
  private async ownCells(
    query: ResolvedMetricsQuery,
    period: { from: string; to: string },
    groupBy: MetricGroupBy | undefined,
    scope: { kind: 'own'; userRef: string },
  ): Promise<Cells> {
    const db = this.db;
    const key = groupKey(db, groupBy);
    const byKey = grouping(groupBy);
    const sessionsApply = !query.type && groupBy !== 'type';
    const work = db('ev_peer_monthly')
      .select({
        k: key,
        assignments: db.raw('sum(assignments)'),
        minutes: db.raw('sum(minutes)'),
      })
      .where('peer_ref', scope.userRef)
      .where('month', '>=', period.from)
      .where('month', '<=', period.to);
    const sessions = db('ev_support_sessions')
      .select({ k: key, mode: 'mode', n: db.raw('count(*)') })
      .where('supporter_ref', scope.userRef)
      .where('month', '>=', period.from)
      .where('month', '<=', period.to);
    for (const q of [work, sessions]) {
      if (query.region) q.where('region', query.region);
      if (query.unit) q.where('unit', query.unit);
    }
    if (query.type) work.where('type', query.type);
    const [w, s] = await Promise.all([
      work.modify(byKey),
      sessionsApply ? sessions.modify(byKey, 'mode') : Promise.resolve([]),
    ]);
    const cells = new Map<string, Cell>();
    const cell = (k: string) => {
      let c = cells.get(String(k));
      if (!c) {
        c = blankCell(sessionsApply, false);
        cells.set(String(k), c);
      }
      return c;
    };
    for (const r of w) {
      const c = cell(r.k);
      c.assignments = Number(r.assignments ?? 0);
      c.minutes = Number(r.minutes ?? 0);
    }
    for (const r of s) cell(r.k).sessions[r.mode as SessionMode] = Number(r.n);
    return { cells, blank: () => blankCell(sessionsApply, false) };
  }
}

// --- ingestion helpers ---------------------------------------------------------------

/**
 * Inserts facts that are not there yet (insert-or-ignore on the unique key)
 * and returns the ones that were new in this transaction. Concurrent
 * ingestions of the same fact wait on the unique index; one of them wins.
 */
async function insertFacts<F>(
  tx: Knex.Transaction,
  source: FactSource,
  facts: Array<{ row: FactKey & Record<string, unknown>; fact: F }>,
  now: string,
): Promise<F[]> {
  const byKey = new Map(facts.map(f => [factKey(f.row), f]));
  const inserted: F[] = [];
  for (const chunk of chunks([...byKey.values()], 400)) {
    const rows = await tx('ev_facts')
      .insert(chunk.map(f => ({ ...f.row, source, ingested_at: now })))
      .onConflict(['source', 'seq', 'kind', 'subject_id'])
      .ignore()
      .returning(['seq', 'kind', 'subject_id']);
    for (const r of rows as FactKey[]) {
      const fact = byKey.get(factKey(r));
      if (fact) inserted.push(fact.fact);
    }
  }
  return inserted;
}

/** The unique key of a fact of one source (ev_facts). */
type FactKey = { seq: number | string; kind: string; subject_id: string };

function factKey(r: FactKey): string {
  return `${r.seq}|${r.kind}|${r.subject_id}`;
}

/** The keys of a month's cells on some levels, per month and per year. */
function cellsOfMonth(
  month: string,
  region: string,
  unit: string,
  type: string,
  levels: number[],
): Array<Record<string, string | number>> {
  return levels.flatMap(level =>
    (
      [
        ['month', month],
        ['year', month.slice(0, 4)],
      ] as const
    ).map(([span, period]) => ({
      level,
      span,
      period,
      region,
      unit: level & 1 ? unit : EVERY,
      type: level & 2 ? type : EVERY,
    })),
  );
}

/** A change to one cell of ev_cells: sums to add, members to put in its sets. */
type CellDelta = {
  row: Record<string, string | number>;
  people: Set<number>;
  units: Set<number>;
};

/**
 * Adds new assignment facts to the rollups: the cells of ev_cells on every
 * level (sums, and the sets of people and units), and ev_peer_monthly (a
 * peer's own figures). Runs in the ingestion's transaction.
 */
async function addAssignmentFacts(
  tx: Knex.Transaction,
  facts: AssignmentFact[],
) {
  if (!facts.length) return;
  const completions = facts.filter(f => f.kind === 'assignment-completed');
  const [personIds, unitIds] = await Promise.all([
    memberIds(
      tx,
      'ev_people',
      'ref',
      completions.flatMap(f => (f.peers ?? []).map(p => p.peerRef)),
    ),
    memberIds(
      tx,
      'ev_units',
      'unit',
      completions.map(f => f.unit),
    ),
  ]);

  const cells = new Map<string, CellDelta>();
  const peers = new Map<string, Record<string, string | number>>();
  const add = (
    row: Record<string, string | number>,
    col: string,
    n: number,
  ) => {
    row[col] = Number(row[col]) + n;
  };
  for (const f of facts) {
    const month = f.workDate.slice(0, 7);
    const deltas = cellsOfMonth(
      month,
      f.region,
      f.unit,
      f.type,
      [0, 1, 2, 3],
    ).map(keys => {
      const key = cellKey(keys);
      let d = cells.get(key);
      if (!d) {
        d = {
          row: { ...keys, ...Object.fromEntries(CELL_SUMS.map(c => [c, 0])) },
          people: new Set(),
          units: new Set(),
        };
        cells.set(key, d);
      }
      return d;
    });
    if (f.kind === 'assignment-completed') {
      let minutes = 0;
      for (const p of f.peers ?? []) {
        minutes += p.actualMinutes;
        const peerKey = `${month}|${f.region}|${f.unit}|${f.type}|${p.peerRef}`;
        let r = peers.get(peerKey);
        if (!r) {
          r = {
            month,
            region: f.region,
            unit: f.unit,
            type: f.type,
            peer_ref: p.peerRef,
            assignments: 0,
            minutes: 0,
          };
          peers.set(peerKey, r);
        }
        add(r, 'assignments', 1);
        add(r, 'minutes', p.actualMinutes);
      }
      for (const d of deltas) {
        add(d.row, 'assignments', 1);
        add(d.row, 'minutes', minutes);
        for (const p of f.peers ?? []) d.people.add(personIds.get(p.peerRef)!);
        d.units.add(unitIds.get(f.unit)!);
      }
    } else if (f.kind === 'honorarium-approved') {
      for (const d of deltas) add(d.row, 'honoraria_ore', f.totalOre ?? 0);
    } else if (f.kind === 'feedback-given' && typeof f.rating === 'number') {
      for (const d of deltas) {
        add(d.row, 'feedback_count', 1);
        add(d.row, 'feedback_sum', f.rating);
      }
    }
  }

  // Cells in key order, so that concurrent ingestions lock rows in the same
  // order (no deadlock on PostgreSQL).
  const ordered = [...cells.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, d]) => d);
  // 1. The sums: insert the cell or add to it. On PostgreSQL this also locks
  //    each cell's row until the transaction ends.
  await addTo(
    tx,
    'ev_cells',
    CELL_KEYS,
    ordered.map(d => d.row),
    { sums: CELL_SUMS, fill: EMPTY_SETS },
  );
  // 2. The sets: read each locked cell's, add the new members, write back
  //    those that changed (a member already in a set changes nothing, so a
  //    fact counted again could not count twice).
  const withSets = ordered.filter(d => d.people.size || d.units.size);
  const byKey = new Map(withSets.map(d => [cellKey(d.row), d]));
  for (const chunk of chunks(withSets, 80)) {
    const stored = await tx('ev_cells')
      .select(...CELL_KEYS, 'people', 'units')
      .whereIn(
        CELL_KEYS,
        chunk.map(d => CELL_KEYS.map(k => d.row[k])),
      );
    const changed: Array<Record<string, unknown>> = [];
    for (const r of stored) {
      const d = byKey.get(cellKey(r))!;
      const people = withMembers(r.people, d.people);
      const units = withMembers(r.units, d.units);
      if (people.changed || units.changed) {
        changed.push({
          ...Object.fromEntries(CELL_KEYS.map(k => [k, r[k]])),
          ...Object.fromEntries(CELL_SUMS.map(c => [c, 0])),
          people: people.set,
          units: units.set,
        });
      }
    }
    for (const rows of chunks(changed, 200)) {
      await tx('ev_cells')
        .insert(rows)
        .onConflict(CELL_KEYS)
        .merge(['people', 'units']);
    }
  }
  await addTo(
    tx,
    'ev_peer_monthly',
    PEER_KEYS,
    [...peers.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, r]) => r),
  );
}

function cellKey(r: Record<string, unknown>): string {
  return CELL_KEYS.map(k => String(r[k])).join('|');
}

/**
 * The small number of each name in ev_people or ev_units, numbering new
 * names. Names are looked up first and only new ones inserted, so that
 * numbers stay dense (an insert that meets a conflict still takes a number
 * from the sequence on PostgreSQL, and the sets would grow sparse).
 */
async function memberIds(
  tx: Knex.Transaction,
  table: 'ev_people' | 'ev_units',
  column: 'ref' | 'unit',
  names: string[],
): Promise<Map<string, number>> {
  const unique = [...new Set(names)].sort();
  const ids = new Map<string, number>();
  const lookUp = async (chunk: string[]) => {
    for (const r of await tx(table)
      .select('id', column)
      .whereIn(column, chunk)) {
      ids.set(r[column], Number(r.id));
    }
  };
  for (const chunk of chunks(unique, 400)) {
    await lookUp(chunk);
    const missing = chunk.filter(name => !ids.has(name));
    if (missing.length) {
      await tx(table)
        .insert(missing.map(name => ({ [column]: name })))
        .onConflict(column)
        .ignore();
      await lookUp(missing);
    }
  }
  return ids;
}

/** Replaces a meeting occurrence's figures when a later fact arrives. */
async function applyAttendance(tx: Knex.Transaction, fact: AttendanceFact) {
  const seq = Number(fact.cursor);
  const next = {
    occurrence_id: fact.occurrenceId,
    seq,
    month: stockholmMonth(fact.startsAt),
    region: fact.region ?? '',
    attended: fact.attended,
    confirmed: fact.confirmed,
  };
  await tx('ev_meeting_occurrences')
    .insert({ ...next, seq: -1, attended: 0, confirmed: 0 })
    .onConflict('occurrence_id')
    .ignore();
  const lock = tx('ev_meeting_occurrences').where({
    occurrence_id: fact.occurrenceId,
  });
  if (tx.client.config.client === 'pg') lock.forUpdate();
  const old = await lock.first();
  if (Number(old.seq) >= seq) return;
  const deltas = new Map<string, Record<string, string | number>>();
  const delta = (
    month: string,
    region: string,
    meetings: number,
    attended: number,
    confirmed: number,
  ) => {
    const k = `${month}|${region}`;
    const d = deltas.get(k) ?? {
      month,
      region,
      meetings: 0,
      attended: 0,
      confirmed: 0,
    };
    d.meetings = Number(d.meetings) + meetings;
    d.attended = Number(d.attended) + attended;
    d.confirmed = Number(d.confirmed) + confirmed;
    deltas.set(k, d);
  };
  if (Number(old.seq) >= 0) {
    delta(old.month, old.region, -1, -old.attended, -old.confirmed);
  }
  delta(next.month, next.region, 1, next.attended, next.confirmed);
  await tx('ev_meeting_occurrences')
    .where({ occurrence_id: fact.occurrenceId })
    .update(next);
  await addTo(
    tx,
    'ev_meeting_monthly',
    ['month', 'region'],
    [...deltas.values()],
  );
}

async function setCursor(
  tx: Knex.Transaction,
  source: FactSource,
  position: string,
  now: string,
) {
  await tx('ev_cursors')
    .insert({ source, position, updated_at: now })
    .onConflict('source')
    .merge();
}

/**
 * Adds rows to a rollup: inserts a new cell, or adds the numbers to the
 * cell that is there (one statement per chunk, on both databases).
 */
export async function addTo(
  tx: Knex.Transaction,
  table: string,
  keys: string[],
  rows: Array<Record<string, string | number>>,
  options: { sums?: string[]; fill?: Record<string, unknown> } = {},
) {
  if (!rows.length) return;
  const sums =
    options.sums ?? Object.keys(rows[0]).filter(c => !keys.includes(c));
  const merge = Object.fromEntries(
    sums.map(c => [c, tx.raw('?? + ??', [`${table}.${c}`, `excluded.${c}`])]),
  );
  for (const chunk of chunks(rows, 200)) {
    await tx(table)
      .insert(
        options.fill ? chunk.map(r => ({ ...r, ...options.fill })) : chunk,
      )
      .onConflict(keys)
      .merge(merge);
  }
}

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    result.push(items.slice(i, i + size));
  }
  return result;
}

/**
 * Keeps SQLite's query planner informed (PostgreSQL's autovacuum does this
 * on its own).
 */
async function refreshStatistics(db: Knex, how: 'optimize' | 'analyze') {
  if (db.client.config.client === 'pg') {
    if (how === 'analyze') await db.raw('ANALYZE');
    return;
  }
  await db.raw(how === 'analyze' ? 'ANALYZE' : 'PRAGMA optimize=0x10002');
}

// --- metrics helpers ---------------------------------------------------------------

/** The SQL expression a breakdown groups by. */
function groupKey(db: Knex, groupBy: MetricGroupBy | undefined) {
  switch (groupBy) {
    case 'month':
      return 'month';
    case 'region':
      return 'region';
    case 'unit':
      return 'unit';
    case 'type':
      return 'type';
    case 'quarter':
      // Portable on SQLite and PostgreSQL: YYYY-Qn from YYYY-MM.
      return db.raw(
        `substr(month, 1, 4) || '-Q' || (CASE WHEN substr(month, 6, 2) <= '03' THEN '1' WHEN substr(month, 6, 2) <= '06' THEN '2' WHEN substr(month, 6, 2) <= '09' THEN '3' ELSE '4' END)`,
      );
    default:
      return db.raw(`'${TOTAL}'`);
  }
}

/** Groups a query by its key (when it has one) and further columns. */
function grouping(groupBy: MetricGroupBy | undefined) {
  return (q: Knex.QueryBuilder, ...more: string[]) => {
    const columns = groupBy ? ['k', ...more] : more;
    if (columns.length) q.groupBy(columns);
  };
}

function blankCell(sessionsApply: boolean, meetingsApply: boolean): Cell {
  return {
    assignments: 0,
    minutes: 0,
    honorariaOre: 0,
    feedbackCount: 0,
    feedbackSum: 0,
    peers: 0,
    units: 0,
    sessions: Object.fromEntries(SESSION_MODES.map(m => [m, 0])) as Record<
      SessionMode,
      number
    >,
    attended: meetingsApply ? 0 : null,
    sessionsApply,
  };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The suppression rule of -common, figure by figure. */
function suppressedFigures(c: Cell): KeyFigures {
  const sessionTotal = SESSION_MODES.reduce((s, m) => s + c.sessions[m], 0);
  let averageFeedback: Figure = null;
  if (c.feedbackCount > 0) {
    averageFeedback = suppress(
      round1(c.feedbackSum / c.feedbackCount),
      c.feedbackCount,
    );
  }
  return {
    assignmentsCompleted: suppress(c.assignments, c.peers),
    hours: suppress(round1(c.minutes / 60), c.peers),
    honorariaSek: suppress(c.honorariaOre / 100, c.peers),
    activePeers: suppress(c.peers, c.peers),
    unitsUsingPeers: suppress(c.units, c.peers),
    supportSessions: c.sessionsApply
      ? suppress(sessionTotal, sessionTotal)
      : null,
    sessionsByMode: Object.fromEntries(
      SESSION_MODES.map(m => [
        m,
        c.sessionsApply ? suppress(c.sessions[m], c.sessions[m]) : null,
      ]),
    ) as Record<SessionMode, Figure>,
    meetingAttendance:
      c.attended === null ? null : suppress(c.attended, c.attended),
    averageFeedback,
  };
}

/** A peer's own figures: their work and sessions, nothing about others. */
function ownFigures(c: Cell): KeyFigures {
  const sessionTotal = SESSION_MODES.reduce((s, m) => s + c.sessions[m], 0);
  return {
    assignmentsCompleted: c.assignments,
    hours: round1(c.minutes / 60),
    honorariaSek: null,
    activePeers: null,
    unitsUsingPeers: null,
    supportSessions: c.sessionsApply ? sessionTotal : null,
    sessionsByMode: Object.fromEntries(
      SESSION_MODES.map(m => [m, c.sessionsApply ? c.sessions[m] : null]),
    ) as Record<SessionMode, Figure>,
    meetingAttendance: null,
    averageFeedback: null,
  };
}

/**
 * When exactly one group of an additive figure is hidden, hides the next
 * smallest non-zero group too, so the total minus the others does not
 * reveal it.
 */
function secondarySuppression(groups: KeyFigures[]) {
  const additive: Array<{
    get: (f: KeyFigures) => Figure;
    set: (f: KeyFigures) => void;
  }> = [
    ...(
      [
        'assignmentsCompleted',
        'hours',
        'honorariaSek',
        'supportSessions',
        'meetingAttendance',
      ] as const
    ).map(name => ({
      get: (f: KeyFigures) => f[name],
      set: (f: KeyFigures) => {
        f[name] = SUPPRESSED;
      },
    })),
    ...SESSION_MODES.map(mode => ({
      get: (f: KeyFigures) => f.sessionsByMode[mode],
      set: (f: KeyFigures) => {
        f.sessionsByMode[mode] = SUPPRESSED;
      },
    })),
  ];
  for (const figure of additive) {
    const hidden = groups.filter(g => figure.get(g) === SUPPRESSED);
    if (hidden.length !== 1) continue;
    let smallest: KeyFigures | undefined;
    for (const g of groups) {
      const v = figure.get(g);
      if (typeof v === 'number' && v > 0) {
        if (!smallest || v < (figure.get(smallest) as number)) smallest = g;
      }
    }
    if (smallest) figure.set(smallest);
  }
}

function change(now: Figure, before: Figure): number | null {
  if (typeof now !== 'number' || typeof before !== 'number' || before === 0) {
    return null;
  }
  return round1(((now - before) / before) * 100);
}

// --- rows ------------------------------------------------------------------------

export function toSession(row: Record<string, any>): SupportSession {
  return {
    id: row.id,
    date: row.date,
    unit: row.unit,
    region: row.region,
    mode: row.mode,
    minutes: Number(row.minutes),
    topic: row.topic,
    kind: row.kind,
    createdAt: row.created_at,
  };
}

/** An outcome row as the API shows it: suppressed by the rule of -common. */
function toOutcomePeriod(
  row: OutcomeRow,
  startedOn: string | null,
): OutcomePeriod {
  const num = (v: number | null) => (v === null ? null : Number(v));
  const admissions = num(row.admissions);
  // Register figures rest on the admissions; unknown admissions hide them.
  const onAdmissions = (v: number | null): Figure =>
    v === null ? null : suppress(v, admissions ?? (v === 0 ? 0 : 1));
  const survey = (score: number | null, n: number | null): Figure =>
    score === null ? null : suppress(score, n ?? 1);
  // Counts of people rest on themselves.
  const count = (v: number | null): Figure =>
    v === null ? null : suppress(v, v);
  let phase: OutcomePeriod['phase'] = 'unknown';
  if (startedOn) phase = row.period_start >= startedOn ? 'after' : 'before';
  return {
    periodStart: row.period_start,
    periodEnd: row.period_end,
    phase,
    inpatientDays: onAdmissions(num(row.inpatient_days)),
    admissions: count(admissions),
    readmissions30d: count(num(row.readmissions_30d)),
    averageLengthOfStay: onAdmissions(num(row.average_length_of_stay)),
    selfStigmaScore: survey(
      num(row.self_stigma_score),
      num(row.self_stigma_respondents),
    ),
    selfStigmaRespondents: count(num(row.self_stigma_respondents)),
    recoveryInstrument: row.recovery_instrument,
    recoveryScore: survey(
      num(row.recovery_score),
      num(row.recovery_respondents),
    ),
    recoveryRespondents: count(num(row.recovery_respondents)),
    staffAttitudesScore: survey(
      num(row.staff_attitudes_score),
      num(row.staff_attitudes_respondents),
    ),
    staffAttitudesRespondents: count(num(row.staff_attitudes_respondents)),
    updatedAt: row.updated_at,
  };
}

export type { KeyFigureName };
