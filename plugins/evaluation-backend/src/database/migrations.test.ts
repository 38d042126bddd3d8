import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import {
  generateAssignmentFacts,
  generateSupportSessions,
} from '../demo/generate';
import { DatabaseEvaluationStore } from './DatabaseEvaluationStore';
import {
  recountCells,
  recountSessionCells,
  storedCells,
  storedSessionCells,
} from './testing/recount';

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

const sessions = generateSupportSessions({
  count: 200,
  seed: 9,
  lastMonth: '2026-11',
  months: 18,
});
const counted = sessions.map(s => ({
  month: s.input.date.slice(0, 7),
  region: s.region,
  unit: s.input.unit,
  mode: s.input.mode,
}));

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
  const sessionRows = sessions.map((x, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    supporter_ref: x.supporterRef,
    date: x.input.date,
    month: x.input.date.slice(0, 7),
    region: x.region,
    unit: x.input.unit,
    mode: x.input.mode,
    minutes: x.input.minutes,
    topic: x.input.topic,
    kind: x.input.kind,
    created_at: '2026-11-20T10:00:00.000Z',
  }));
  const sessionMonthly = new Map<string, Record<string, string | number>>();
  for (const r of sessionRows) {
    const k = `${r.month}|${r.region}|${r.unit}|${r.mode}`;
    const m = sessionMonthly.get(k) ?? {
      month: r.month,
      region: r.region,
      unit: r.unit,
      mode: r.mode,
      sessions: 0,
      minutes: 0,
      first_sessions: 0,
    };
    m.sessions = Number(m.sessions) + 1;
    m.minutes = Number(m.minutes) + r.minutes;
    m.first_sessions = Number(m.first_sessions) + (r.kind === 'first' ? 1 : 0);
    sessionMonthly.set(k, m);
  }
  for (const [table, rows] of [
    ['ev_activity_monthly', [...activity.values()]],
    ['ev_peer_monthly', [...peers.values()]],
    ['ev_support_sessions', sessionRows],
    ['ev_session_monthly', [...sessionMonthly.values()]],
  ] as const) {
    for (let i = 0; i < rows.length; i += 200) {
      await knex(table).insert(rows.slice(i, i + 200));
    }
  }
  return { sessionMonthly };
}

describe.each(databases.eachSupportedId())(
  'evaluation migrations on %s',
  databaseId => {
    it('carry the first version’s rollups into the cells with their sets, down and up again', async () => {
      const knex = await databases.init(databaseId);
      await knex.migrate.up({ ...config, name: '20261201100000_init.js' });
      const { sessionMonthly } = await seedFirstVersion(knex);

      await knex.migrate.latest(config);
      expect(await knex.schema.hasTable('ev_activity_monthly')).toBe(false);
      expect(await knex.schema.hasTable('ev_session_monthly')).toBe(false);
      expect(await storedCells(knex)).toEqual(recountCells(facts));
      expect(await storedSessionCells(knex)).toEqual(
        recountSessionCells(counted),
      );

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

      // Down one step: monthly cells, and the sessions' monthly rollup
      // counted again from the sessions.
      await knex.migrate.down(config);
      expect(await knex.schema.hasColumn('ev_cells', 'month')).toBe(true);
      expect(
        new Map(
          (await knex('ev_session_monthly')).map(r => [
            [r.month, r.region, r.unit, r.mode].join('|'),
            [r.sessions, r.minutes, r.first_sessions].map(Number),
          ]),
        ),
      ).toEqual(
        new Map(
          [...sessionMonthly].map(([k, r]) => [
            k,
            [r.sessions, r.minutes, r.first_sessions].map(Number),
          ]),
        ),
      );

      // Down again: the first version's table is back with the sums.
      await knex.migrate.down(config);
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
            .filter(([k]) => k.startsWith('3|month|'))
            .map(([k, c]) => [k.replace('|month|', '|'), c.sums]),
        ),
      );
      await knex.migrate.latest(config);
      expect(await storedCells(knex)).toEqual(
        recountCells([...facts, ...more]),
      );
      expect(await storedSessionCells(knex)).toEqual(
        recountSessionCells(counted),
      );
    });
  },
);
