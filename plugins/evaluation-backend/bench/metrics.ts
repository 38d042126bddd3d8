/*
 * Evaluation benchmark: makes N assignment facts (completions with one to
 * three of 3,000 peers, honoraria, ratings; ten years in the demo units),
 * 20,000 support sessions and 2,000 network meetings with the generators,
 * ingests them through the store (which keeps the rollups), then times the
 * dashboard's queries on SQLite and PostgreSQL side by side: every grouping
 * (month, quarter, region, unit, type) and every filter (region, unit, type)
 * over one month, twelve months, three years and ten years, a team
 * leader's units, a peer's own figures and the filter options.
 *
 *   yarn workspace @internal/plugin-evaluation-backend bench [--facts 1000000] [--runs 30] [--fresh]
 *
 * Prints p50/p95 per query and p95 ÷ 100 ms (the target of issue 9). Not a test.
 */
import {
  BenchmarkQuery,
  benchmarkArg,
  runStoreBenchmark,
} from '@internal/plugin-portal-node';
import { MetricGroupBy } from '@internal/plugin-evaluation-common';
import {
  DatabaseEvaluationStore,
  ResolvedMetricsQuery,
  Scope,
} from '../src/database/DatabaseEvaluationStore';
import {
  generateAssignmentFacts,
  generateAttendanceFacts,
  generateSupportSessions,
} from '../src/demo/generate';

const FACTS = benchmarkArg('facts', 100_000);
const RUNS = benchmarkArg('runs', 30);
const SESSIONS = 20_000;
const MEETINGS = 2_000;
const LAST_MONTH = '2026-11';
const MONTHS = 120;
const PEERS = 3000;

const all: Scope = { kind: 'all' };
const leader: Scope = {
  kind: 'units',
  units: ['vgr-sahlgrenska-avd-367', 'vgr-psykosmottagning-gbg'],
};
const PERIODS = [
  { name: '1 month', from: '2026-11', to: LAST_MONTH },
  { name: '12 months', from: '2025-12', to: LAST_MONTH },
  { name: '3 years', from: '2023-12', to: LAST_MONTH },
  { name: '10 years', from: '2016-12', to: LAST_MONTH },
];
const GROUPINGS: MetricGroupBy[] = [
  'month',
  'quarter',
  'region',
  'unit',
  'type',
];
const FILTERS: Array<[string, Partial<ResolvedMetricsQuery>]> = [
  ['region', { region: 'skane' }],
  ['unit', { unit: 'vgr-sahlgrenska-avd-367' }],
  ['type', { type: 'user-audit' }],
];

const QUERIES: BenchmarkQuery<DatabaseEvaluationStore>[] = [
  ...PERIODS.flatMap(({ name, from, to }) => [
    ...GROUPINGS.map(groupBy => ({
      name: `${name} by ${groupBy}`,
      run: (s: DatabaseEvaluationStore) =>
        s.metrics({ from, to, groupBy }, all),
    })),
    ...FILTERS.map(([filter, value]) => ({
      name: `${name} by month, one ${filter}`,
      run: (s: DatabaseEvaluationStore) =>
        s.metrics({ from, to, groupBy: 'month', ...value }, all),
    })),
  ]),
  {
    name: "team leader's units, 12 months by unit",
    run: s => s.metrics({ ...PERIODS[1], groupBy: 'unit' }, leader),
  },
  {
    name: "team leader's units, 10 years by type",
    run: s => s.metrics({ ...PERIODS[3], groupBy: 'type' }, leader),
  },
  {
    name: "a peer's own figures, 12 months by month",
    run: s =>
      s.metrics(
        { ...PERIODS[1], groupBy: 'month' },
        { kind: 'own', userRef: 'user:default/peer-00042' },
      ),
  },
  {
    name: "a peer's own figures, 10 years by quarter",
    run: s =>
      s.metrics(
        { ...PERIODS[3], groupBy: 'quarter' },
        { kind: 'own', userRef: 'user:default/peer-00042' },
      ),
  },
  {
    name: 'filter options',
    run: s => s.filterOptions(all),
  },
];

runStoreBenchmark({
  title: `Evaluation benchmark: ${FACTS} assignment facts over ${MONTHS} months, ${PEERS} peers, ${SESSIONS} support sessions, ${MEETINGS} meetings`,
  prefix: 'ev',
  dataKey: `${FACTS}_v2`,
  runs: RUNS,
  goalMs: 100,
  createStore: knex =>
    DatabaseEvaluationStore.create({
      database: {
        getClient: async () => knex,
        migrations: { skip: false },
      } as any,
      clock: () => new Date('2026-11-23T09:00:00Z'),
    }),
  fill: async (store, databaseId) => {
    const batch = 5000;
    for (let done = 0; done < FACTS; done += batch) {
      await store.ingestAssignmentFacts(
        generateAssignmentFacts({
          count: Math.min(batch, FACTS - done),
          seed: 3,
          offset: done,
          lastMonth: LAST_MONTH,
          months: MONTHS,
          peers: PEERS,
        }),
      );
      process.stdout.write(
        `\r${databaseId}: ingested ${Math.min(
          FACTS,
          done + batch,
        )}/${FACTS} facts`,
      );
    }
    for (const session of generateSupportSessions({
      count: SESSIONS,
      seed: 4,
      lastMonth: LAST_MONTH,
      months: MONTHS,
    })) {
      await store.addSupportSession(
        session.input,
        session.supporterRef,
        session.region,
      );
    }
    await store.ingestAttendanceFacts(
      generateAttendanceFacts({
        count: MEETINGS,
        seed: 5,
        lastMonth: LAST_MONTH,
        months: MONTHS,
      }),
    );
    process.stdout.write(`, ${SESSIONS} sessions, ${MEETINGS} meetings`);
    await store.analyze();
  },
  queries: QUERIES,
}).catch(error => {
  console.error(error);
  process.exit(1);
});
