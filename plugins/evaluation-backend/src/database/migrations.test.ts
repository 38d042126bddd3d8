import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { generateAssignmentFacts } from '../demo/generate';
import { DatabaseEvaluationStore } from './DatabaseEvaluationStore';
import { recountCells, storedCells } from './testing/recount';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const config = {
  directory: resolvePackagePath(
    '@internal/plugin-evaluation-backend',
    'migrations',
  ),
  tableName: 'ev_knex_migrations',
};

const facts = generateAssignmentFacts({
  count: 1500,
  seed: 5,
  lastMonth: '2026-11',
  months: 18,
  peers: 30,
});

/** The first version's rollups of the facts, as its ingestion wrote them. */
async function seedFirstVersion(knex: Knex) {
  const activity = new Map<string, Record<string, string | number>>();
  const peers = new Map<string, Record<string, string | number>>();
  for (const f of facts) {
    const month = f.workDate.slice(0, 7);
    const k = `${month}|${f.region}|${f.unit}|${f.type}`;
    const a = activity.get(k) ?? {
      month,
      region: f.region,
      unit: f.unit,
      type: f.type,
      assignments: 0,
      minutes: 0,
      honoraria_ore: 0,
      feedback_count: 0,
      feedback_sum: 0,
    };
    activity.set(k, a);
    const add = (r: Record<string, string | number>, c: string, n: number) => {
      r[c] = Number(r[c]) + n;
    };
    if (f.kind === 'assignment-completed') {
      add(a, 'assignments', 1);
      for (const p of f.peers!) {
        add(a, 'minutes', p.actualMinutes);
        const pk = `${k}|${p.peerRef}`;
        const r = peers.get(pk) ?? {
          month,
          region: f.region,
          unit: f.unit,
          type: f.type,
          peer_ref: p.peerRef,
          assignments: 0,
          minutes: 0,
        };
        add(r, 'assignments', 1);
        add(r, 'minutes', p.actualMinutes);
        peers.set(pk, r);
      }
    } else if (f.kind === 'honorarium-approved') {
      add(a, 'honoraria_ore', f.totalOre!);
    } else {
      add(a, 'feedback_count', 1);
      add(a, 'feedback_sum', f.rating!);
    }
  }
  for (const [table, rows] of [
    ['ev_activity_monthly', [...activity.values()]],
    ['ev_peer_monthly', [...peers.values()]],
  ] as const) {
    for (let i = 0; i < rows.length; i += 200) {
      await knex(table).insert(rows.slice(i, i + 200));
    }
  }
}

describe.each(databases.eachSupportedId())(
  'evaluation migrations on %s',
  databaseId => {
    it('carry the first version’s rollups into the cells with their sets, down and up again', async () => {
      const knex = await databases.init(databaseId);
      await knex.migrate.up({ ...config, name: '20261201100000_init.js' });
      await seedFirstVersion(knex);

      await knex.migrate.latest(config);
      expect(await knex.schema.hasTable('ev_activity_monthly')).toBe(false);
      expect(await storedCells(knex)).toEqual(recountCells(facts));

      // Ingestion goes on from there.
      const store = await DatabaseEvaluationStore.create({
        database: mockServices.database({ knex, migrations: { skip: true } }),
      });
      const more = generateAssignmentFacts({
        count: 200,
        seed: 6,
        offset: 100_000,
        lastMonth: '2026-11',
        months: 18,
        peers: 40,
      });
      await store.ingestAssignmentFacts(more);
      expect(await storedCells(knex)).toEqual(
        recountCells([...facts, ...more]),
      );

      // Down: the first version's table is back with the sums.
      await knex.migrate.rollback(config);
      expect(await knex.schema.hasTable('ev_cells')).toBe(false);
      const back = await knex('ev_activity_monthly');
      expect(
        new Map(
          back.map(r => [
            ['3', r.month, r.region, r.unit, r.type].join('|'),
            [
              r.assignments,
              r.minutes,
              r.honoraria_ore,
              r.feedback_count,
              r.feedback_sum,
            ].map(Number),
          ]),
        ),
      ).toEqual(
        new Map(
          [...recountCells([...facts, ...more])]
            .filter(([k]) => k.startsWith('3|'))
            .map(([k, c]) => [k, c.sums]),
        ),
      );
      await knex.migrate.latest(config);
      expect(await knex.schema.hasTable('ev_cells')).toBe(true);
    });
  },
);
