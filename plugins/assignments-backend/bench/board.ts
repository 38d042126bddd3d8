/*
 * Assignment board benchmark: makes N assignments (3 interests each, every
 * state) through the plugin's own store, with the demo seed's generator,
 * then times the board's queries on SQLite and PostgreSQL side by side.
 *
 *   yarn workspace @internal/plugin-assignments-backend bench [--assignments 100000] [--runs 50]
 *
 * Prints p50/p95 per query and the ratio to the 50 ms goal. Not a test.
 */
import { DEFAULT_RATE_TABLE } from '@internal/plugin-assignments-common';
import {
  BenchmarkQuery,
  benchmarkArg,
  runStoreBenchmark,
} from '@internal/plugin-portal-node';
import {
  Caller,
  DatabaseAssignmentStore,
} from '../src/database/DatabaseAssignmentStore';
import { demoAssignments } from '../src/demo/seed';

const ASSIGNMENTS = benchmarkArg('assignments', 100_000);
const RUNS = benchmarkArg('runs', 50);
const TODAY = '2026-11-23';

const peer: Caller = {
  userRef: 'user:default/demo-00042',
  groups: ['peer'],
  canManage: false,
  canInterest: true,
};
const coordinator: Caller = {
  userRef: 'user:default/karin.sjoberg',
  groups: ['coordinator'],
  canManage: true,
  canInterest: false,
};
const teamLeader: Caller = {
  userRef: 'user:default/anders.holm',
  groups: ['team-leader', 'vgr-sahlgrenska-avd-367'],
  canManage: false,
  canInterest: false,
};
const profile = {
  region: 'skane',
  languages: ['sv', 'ar'],
  assignmentTypes: ['user-audit', 'share-story'],
  experience: ['own'],
};

/** The cursor that opens page n of a query, found once (not timed). */
const cursors = new Map<string, string | undefined>();
async function cursorOfPage(
  store: DatabaseAssignmentStore,
  key: string,
  n: number,
  query: Parameters<DatabaseAssignmentStore['list']>[0],
  caller: Caller,
) {
  const id = `${key}:${n}`;
  if (!cursors.has(id)) {
    let cursor: string | undefined;
    for (let i = 1; i < n; i++) {
      cursor = (await store.list({ ...query, cursor }, caller, profile))
        .nextCursor;
    }
    cursors.set(id, cursor);
  }
  return cursors.get(id);
}

const board = { view: 'board' as const, sort: 'date' as const, limit: 20 };

const QUERIES: BenchmarkQuery<DatabaseAssignmentStore>[] = [
  { name: 'board, first page', run: s => s.list(board, peer) },
  {
    name: 'board, region + type + digital',
    run: s =>
      s.list(
        { ...board, region: 'skane', type: ['share-story'], format: 'digital' },
        peer,
      ),
  },
  {
    name: 'board, page 25 (region + from date)',
    run: async s => {
      const query = { ...board, region: 'stockholm', from: '2026-12-01' };
      const cursor = await cursorOfPage(s, 'deep', 25, query, peer);
      return s.list({ ...query, cursor }, peer);
    },
  },
  {
    name: 'board, sorted by deadline, page 10',
    run: async s => {
      const query = { ...board, sort: 'deadline' as const };
      const cursor = await cursorOfPage(s, 'deadline', 10, query, peer);
      return s.list({ ...query, cursor }, peer);
    },
  },
  {
    name: 'board, suits me, first page',
    run: s => s.list({ ...board, sort: 'suits-me' }, peer, profile),
  },
  {
    name: 'free text "brukarrevision"',
    run: s => s.list({ ...board, q: 'brukarrevision' }, peer),
  },
  {
    name: "a peer's own assignments",
    run: s => s.list({ ...board, view: 'mine' }, peer),
  },
  {
    name: "a unit's assignments",
    run: s => s.list({ ...board, view: 'unit' }, teamLeader),
  },
  {
    name: 'coordinator: all, completed',
    run: s =>
      s.list({ ...board, view: 'all', state: ['completed'] }, coordinator),
  },
];

runStoreBenchmark({
  title: `Assignment board benchmark: ${ASSIGNMENTS} assignments, ${
    ASSIGNMENTS * 3
  } interests`,
  prefix: 'as',
  dataKey: String(ASSIGNMENTS),
  runs: RUNS,
  goalMs: 50,
  createStore: knex =>
    DatabaseAssignmentStore.create({
      database: {
        getClient: async () => knex,
        migrations: { skip: false },
      } as any,
      rates: DEFAULT_RATE_TABLE,
      clock: () => new Date(`${TODAY}T09:00:00Z`),
    }),
  fill: async (store, databaseId) => {
    cursors.clear();
    const peers = Array.from({ length: 10_000 }, (_, i) => ({
      userRef: `user:default/demo-${String(i).padStart(5, '0')}`,
      displayName: `Demo ${i}`,
    }));
    const batch = 5000;
    for (let done = 0; done < ASSIGNMENTS; done += batch) {
      await store.insertGenerated(
        demoAssignments(Math.min(batch, ASSIGNMENTS - done), {
          today: TODAY,
          seed: 11,
          peers,
          interestsPerAssignment: 3,
          offset: done,
        }),
      );
      process.stdout.write(
        `\r${databaseId}: generated ${Math.min(
          ASSIGNMENTS,
          done + batch,
        )}/${ASSIGNMENTS} assignments`,
      );
    }
  },
  queries: QUERIES,
}).catch(error => {
  console.error(error);
  process.exit(1);
});
