import { AssignmentFact } from '@internal/plugin-assignments-common';
import { Knex } from 'knex';
import { membersOf } from '../bitset';

/** The cells of every level of ev_cells, counted again from the facts. */
export function recountCells(facts: AssignmentFact[]) {
  const cells = new Map<
    string,
    { sums: number[]; people: Set<string>; units: Set<string> }
  >();
  for (const f of facts) {
    for (const level of [0, 1, 2, 3]) {
      const k = [
        level,
        f.workDate.slice(0, 7),
        f.region,
        level & 1 ? f.unit : '*',
        level & 2 ? f.type : '*',
      ].join('|');
      const c = cells.get(k) ?? {
        sums: [0, 0, 0, 0, 0],
        people: new Set<string>(),
        units: new Set<string>(),
      };
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
      cells.set(k, c);
    }
  }
  return new Map(
    [...cells].map(([k, c]) => [
      k,
      {
        sums: c.sums,
        people: [...c.people].sort(),
        units: [...c.units].sort(),
      },
    ]),
  );
}

/** The rows of ev_cells as a recount shows them: sums, and sets by name. */
export async function storedCells(knex: Knex) {
  const people = new Map<number, string>(
    (await knex('ev_people')).map(r => [Number(r.id), r.ref]),
  );
  const units = new Map<number, string>(
    (await knex('ev_units')).map(r => [Number(r.id), r.unit]),
  );
  return new Map(
    (await knex('ev_cells')).map(r => [
      [r.level, r.month, r.region, r.unit, r.type].join('|'),
      {
        sums: [
          r.assignments,
          r.minutes,
          r.honoraria_ore,
          r.feedback_count,
          r.feedback_sum,
        ].map(Number),
        people: membersOf(r.people)
          .map(id => people.get(id))
          .sort(),
        units: membersOf(r.units)
          .map(id => units.get(id))
          .sort(),
      },
    ]),
  );
}
