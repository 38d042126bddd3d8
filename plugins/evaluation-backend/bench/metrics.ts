/*
 * Evaluation benchmark: makes N assignment facts (completions with one to
 * three of 3,000 peers, honoraria, ratings; ten years in the demo units)
 * with the generator, ingests them through the store's batch ingestion
 * (which keeps the rollups), then times the dashboard's queries on SQLite
 * and PostgreSQL side by side.
 *
 *   yarn workspace @internal/plugin-evaluation-backend bench [--facts 1000000] [--runs 30] [--fresh]
 *
 * Prints p50/p95 per query and the ratio to the 300 ms goal. Not a test.
 */
import {
  BenchmarkQuery,
  benchmarkArg,
  runStoreBenchmark,
} from '@internal/plugin-portal-node';
import {
  DatabaseEvaluationStore,
  Scope,
} from '../src/database/DatabaseEvaluationStore';
import { generateAssignmentFacts } from '../src/demo/generate';

const FACTS = benchmarkArg('facts', 100_000);
const RUNS = benchmarkArg('runs', 30);
const LAST_MONTH = '2026-11';
const MONTHS = 120;
const PEERS = 3000;

const all: Scope = { kind: 'all' };
const leader: Scope = {
  kind: 'units',
  units: ['vgr-sahlgrenska-avd-367', 'vgr-psykosmottagning-gbg'],
};
const year = { from: '2025-12', to: LAST_MONTH };

const QUERIES: BenchmarkQuery<DatabaseEvaluationStore>[] = [
  {
    name: '12 months by month',
    run: s => s.metrics({ ...year, groupBy: 'month' }, all),
  },
  {
    name: '12 months by region',
    run: s => s.metrics({ ...year, groupBy: 'region' }, all),
  },
  {
    name: '12 months by unit, one type',
    run: s => s.metrics({ ...year, groupBy: 'unit', type: 'user-audit' }, all),
  },
  {
    name: '3 years by quarter, one region',
    run: s =>
      s.metrics(
        {
          from: '2023-12',
          to: LAST_MONTH,
          groupBy: 'quarter',
          region: 'skane',
        },
        all,
      ),
  },
  {
    name: "team leader's units by month",
    run: s => s.metrics({ ...year, groupBy: 'month' }, leader),
  },
  {
    name: "a peer's own figures by month",
    run: s =>
      s.metrics(
        { ...year, groupBy: 'month' },
        { kind: 'own', userRef: 'user:default/peer-00042' },
      ),
  },
  {
    name: '10 years by region (worst case)',
    run: s =>
      s.metrics({ from: '2016-12', to: LAST_MONTH, groupBy: 'region' }, all),
  },
];

runStoreBenchmark({
  title: `Evaluation benchmark: ${FACTS} assignment facts over ${MONTHS} months, ${PEERS} peers`,
  prefix: 'ev',
  dataKey: String(FACTS),
  runs: RUNS,
  goalMs: 300,
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
    await store.analyze();
  },
  queries: QUERIES,
}).catch(error => {
  console.error(error);
  process.exit(1);
});
