import { AssignmentFact } from '@internal/plugin-assignments-common';
import { SESSION_MODES, SessionMode } from '@internal/plugin-evaluation-common';
import { Knex } from 'knex';
import { membersOf } from '../bitset';

/** A support session as a recount needs it. */
export type CountedSession = {
  month: string;
  region: string;
  unit: string;
  mode: SessionMode;
};

/** The figures of a cell: its sums, and its sets by name. */
export type CountedCell = {
  sums: number[];
  people: string[];
  units: string[];
};

const hasFigures = (c: CountedCell) =>
  c.sums.some(n => n !== 0) || c.people.length > 0 || c.units.length > 0;

const cellKey = (
  level: number,
  span: string,
  period: string,
  region: string,
  unit: string,
  type: string,
) =>
  [
    level,
    span,
    period,
    region,
    level & 1 ? unit : '*',
    level & 2 ? type : '*',
  ].join('|');

const spans = (month: string) => [
  ['month', month],
  ['year', month.slice(0, 4)],
];

/**
 * Every cell of ev_cells with assignment figures (each level, per month
 * and per year), counted again from the facts one by one: the sums
 * (assignments, minutes, öre, ratings, their sum) and the sets.
 */
export function recountCells(
  facts: AssignmentFact[],
): Map<string, CountedCell> {
  const cells = new Map<
    string,
    { sums: number[]; people: Set<string>; units: Set<string> }
  >();
  for (const f of facts) {
    for (const level of [0, 1, 2, 3]) {
      for (const [span, period] of spans(f.workDate.slice(0, 7))) {
        const k = cellKey(level, span, period, f.region, f.unit, f.type);
        let c = cells.get(k);
        if (!c) {
          c = { sums: [0, 0, 0, 0, 0], people: new Set(), units: new Set() };
          cells.set(k, c);
        }
        if (f.kind === 'assignment-completed') {
          c.sums[0]++;
          for (const p of f.peers!) {
            c.sums[1] += p.actualMinutes;
            c.people.add(p.peerRef);
          }
          c.units.add(f.unit);
        } else if (f.kind === 'honorarium-approved') {
          c.sums[2] += f.totalOre!;
        } else {
          c.sums[3]++;
          c.sums[4] += f.rating!;
        }
      }
    }
  }
  return new Map(
    [...cells]
      .map(([k, c]): [string, CountedCell] => [
        k,
        {
          sums: c.sums,
          people: [...c.people].sort(),
          units: [...c.units].sort(),
        },
      ])
      .filter(([, c]) => hasFigures(c)),
  );
}

/**
 * The support sessions of every cell of levels 0 and 1 (sessions have no
 * type), per month and per year, counted one by one: a count per mode.
 */
export function recountSessionCells(
  sessions: CountedSession[],
): Map<string, number[]> {
  const cells = new Map<string, number[]>();
  for (const s of sessions) {
    for (const level of [0, 1]) {
      for (const [span, period] of spans(s.month)) {
        const k = cellKey(level, span, period, s.region, s.unit, '*');
        const c = cells.get(k) ?? SESSION_MODES.map(() => 0);
        c[SESSION_MODES.indexOf(s.mode)]++;
        cells.set(k, c);
      }
    }
  }
  return cells;
}

const keyOf = (r: Record<string, unknown>) =>
  [r.level, r.span, r.period, r.region, r.unit, r.type].join('|');

/** The rows of ev_cells with assignment figures, as recountCells gives them. */
export async function storedCells(
  knex: Knex,
): Promise<Map<string, CountedCell>> {
  const people = new Map<number, string>(
    (await knex('ev_people')).map(r => [Number(r.id), r.ref]),
  );
  const units = new Map<number, string>(
    (await knex('ev_units')).map(r => [Number(r.id), r.unit]),
  );
  return new Map(
    (await knex('ev_cells'))
      .map((r): [string, CountedCell] => [
        keyOf(r),
        {
          sums: [
            r.assignments,
            r.minutes,
            r.honoraria_ore,
            r.feedback_count,
            r.feedback_sum,
          ].map(Number),
          people: membersOf(r.people)
            .map(id => people.get(id)!)
            .sort(),
          units: membersOf(r.units)
            .map(id => units.get(id)!)
            .sort(),
        },
      ])
      .filter(([, c]) => hasFigures(c)),
  );
}

/** The rows of ev_cells with support sessions, as recountSessionCells gives them. */
export async function storedSessionCells(
  knex: Knex,
): Promise<Map<string, number[]>> {
  return new Map(
    (await knex('ev_cells'))
      .map((r): [string, number[]] => [
        keyOf(r),
        SESSION_MODES.map(m => Number(r[`sessions_${m.replace(/-/g, '_')}`])),
      ])
      .filter(([, counts]) => counts.some(n => n !== 0)),
  );
}
