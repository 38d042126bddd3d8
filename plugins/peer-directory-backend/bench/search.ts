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
import knexFactory, { Knex } from 'knex';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { DatabaseProfileStore } from '../src/database/DatabaseProfileStore';
import { demoProfiles } from '../src/demo/seed';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
const PROFILES = arg('profiles', 10_000);
const RUNS = arg('runs', 50);
const GOAL_MS = 50;

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

type Query = {
  name: string;
  run: (store: DatabaseProfileStore) => Promise<unknown>;
};

const QUERIES: Query[] = [
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

async function openDatabases(): Promise<
  Array<{ id: string; knex: Knex; cleanup: () => Promise<void> }>
> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-bench-'));
  const sqlite = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: path.join(dir, 'bench.sqlite') },
    useNullAsDefault: true,
  });
  const result = [
    {
      id: 'SQLite',
      knex: sqlite,
      cleanup: async () => {
        await sqlite.destroy();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    },
  ];
  const pgUrl =
    process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
  if (pgUrl) {
    const name = `pd_bench_${Date.now()}`;
    const admin = knexFactory({ client: 'pg', connection: pgUrl });
    await admin.raw(`CREATE DATABASE ${name}`);
    const pg = knexFactory({
      client: 'pg',
      connection: `${pgUrl.replace(/\/$/, '')}/${name}`,
    });
    result.push({
      id: 'PostgreSQL',
      knex: pg,
      cleanup: async () => {
        await pg.destroy();
        await admin.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.destroy();
      },
    });
  } else {
    console.log(
      'PostgreSQL: not configured (set BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING)',
    );
  }
  return result;
}

function percentile(sorted: number[], p: number) {
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}

async function main() {
  console.log(
    `Peer directory search benchmark: ${PROFILES} profiles, ${RUNS} runs per query, node ${
      process.version
    }, ${os.cpus().length} cores`,
  );
  const results: Record<
    string,
    Record<string, { p50: number; p95: number }>
  > = {};
  for (const db of await openDatabases()) {
    try {
      const store = await DatabaseProfileStore.create({
        database: {
          getClient: async () => db.knex,
          migrations: { skip: false },
        } as any,
      });
      const started = performance.now();
      const profiles = demoProfiles(PROFILES, 7);
      for (let i = 0; i < profiles.length; i++) {
        await store.createProfile(profiles[i]);
        if ((i + 1) % 2000 === 0 || i + 1 === profiles.length) {
          process.stdout.write(
            `\r${db.id}: generated ${i + 1}/${profiles.length} profiles`,
          );
        }
      }
      console.log(` in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      if (db.id === 'PostgreSQL') await db.knex.raw('ANALYZE');
      results[db.id] = {};
      for (const query of QUERIES) {
        for (let i = 0; i < 5; i++) await query.run(store);
        const times: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const t0 = performance.now();
          await query.run(store);
          times.push(performance.now() - t0);
        }
        times.sort((a, b) => a - b);
        results[db.id][query.name] = {
          p50: percentile(times, 50),
          p95: percentile(times, 95),
        };
      }
    } finally {
      await db.cleanup();
    }
  }

  const dbs = Object.keys(results);
  const header = [
    'query',
    ...dbs.flatMap(d => [`${d} p50 ms`, `${d} p95 ms`, `${d} p95 ÷ goal`]),
  ];
  const rows = QUERIES.map(q => [
    q.name,
    ...dbs.flatMap(d => {
      const r = results[d][q.name];
      return [r.p50.toFixed(2), r.p95.toFixed(2), (r.p95 / GOAL_MS).toFixed(2)];
    }),
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map(r => r[i].length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ');
  console.log(
    `\n${line(header)}\n${widths.map(w => '-'.repeat(w)).join('  ')}`,
  );
  rows.forEach(r => console.log(line(r)));
  console.log(
    `\nGoal: every query well under ${GOAL_MS} ms (the ratio column is p95 ÷ ${GOAL_MS} ms; below 1 meets it).`,
  );
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
