/*
 * Peer directory search benchmark: makes N profiles through the plugin's own
 * store (the same generator as the demo seed), then times the directory's
 * queries on SQLite and, when BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
 * is set, on PostgreSQL, side by side in one run.
 *
 *   yarn workspace @internal/plugin-peer-directory-backend bench [--profiles 10000] [--runs 50]
 *
 * Prints p50/p95 per query and the ratio to the 50 ms goal. Not a test:
 * figures from a shared machine are for comparison, not pass/fail.
 */
import {
  BenchmarkQuery,
  benchmarkArg,
  runStoreBenchmark,
} from '@internal/plugin-portal-node';
import { DatabaseProfileStore } from '../src/database/DatabaseProfileStore';
import { demoProfiles } from '../src/demo/seed';

const PROFILES = benchmarkArg('profiles', 10_000);
const RUNS = benchmarkArg('runs', 50);

/** The cursor that opens page n, looked up once per store (not timed). */
const cursors = new WeakMap<
  DatabaseProfileStore,
  Map<number, string | undefined>
>();
async function cursorOfPage(store: DatabaseProfileStore, n: number) {
  const known = cursors.get(store) ?? new Map();
  cursors.set(store, known);
  if (!known.has(n)) {
    let cursor: string | undefined;
    for (let i = 1; i < n; i++) {
      cursor = (
        await store.listProfiles(
          { region: 'stockholm', limit: 20, cursor },
          { includeSensitive: false },
        )
      ).nextCursor;
    }
    known.set(n, cursor);
  }
  return known.get(n);
}

const QUERIES: BenchmarkQuery<DatabaseProfileStore>[] = [
  {
    name: 'first page, no filter',
    run: s => s.listProfiles({ limit: 20 }, { includeSensitive: false }),
  },
  {
    name: 'free text "anna" + region',
    run: s =>
      s.listProfiles(
        { q: 'anna', region: 'skane', limit: 20 },
        { includeSensitive: false },
      ),
  },
  {
    name: 'free text "malmö" + mode + language',
    run: s =>
      s.listProfiles(
        { q: 'malmö', mode: 'walk-and-talk', language: 'sv', limit: 20 },
        { includeSensitive: false },
      ),
  },
  {
    name: 'two words "anders karlsson", staff',
    run: s =>
      s.listProfiles(
        { q: 'anders karlsson', limit: 20 },
        { includeSensitive: true },
      ),
  },
  {
    name: 'story word "promenader", staff',
    run: s =>
      s.listProfiles(
        { q: 'promenader', limit: 20 },
        { includeSensitive: true },
      ),
  },
  {
    name: 'page 20 by cursor + region',
    run: async s => {
      const cursor = await cursorOfPage(s, 20);
      return s.listProfiles(
        { region: 'stockholm', limit: 20, cursor },
        { includeSensitive: false },
      );
    },
  },
];

runStoreBenchmark({
  title: `Peer directory search benchmark: ${PROFILES} profiles`,
  prefix: 'pd',
  dataKey: String(PROFILES),
  runs: RUNS,
  goalMs: 50,
  createStore: knex =>
    DatabaseProfileStore.create({
      database: {
        getClient: async () => knex,
        migrations: { skip: false },
      } as any,
    }),
  fill: async (store, databaseId) => {
    const profiles = demoProfiles(PROFILES, 7);
    for (let i = 0; i < profiles.length; i++) {
      await store.createProfile(profiles[i]);
      if ((i + 1) % 2000 === 0 || i + 1 === profiles.length) {
        process.stdout.write(
          `\r${databaseId}: generated ${i + 1}/${profiles.length} profiles`,
        );
      }
    }
  },
  queries: QUERIES,
}).catch(error => {
  console.error(error);
  process.exit(1);
});
