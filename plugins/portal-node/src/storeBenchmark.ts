/*
 * A small harness for the plugins' store benchmarks: the same queries on
 * SQLite and, when BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is
 * set, on PostgreSQL, side by side in one run, printed as a table of p50,
 * p95 and p95 ÷ goal. Figures from a shared machine are for comparison,
 * not pass/fail: benchmarks are never unit tests. The data is kept in the
 * temporary folder and in PostgreSQL between runs; `--fresh` makes it again.
 */
import knexFactory, { Knex } from 'knex';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

/** One timed query of a benchmark. @public */
export type BenchmarkQuery<S> = {
  name: string;
  run: (store: S) => Promise<unknown>;
};

/** A number given on the command line as `--name value`. @public */
export function benchmarkArg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

/**
 * The benchmark's databases, kept between runs under a name made of the
 * prefix and the data key (pass `--fresh` to make them again).
 */
async function openDatabases(prefix: string, key: string) {
  const name = `${prefix}_bench_${key}`.replace(/\W/g, '_').toLowerCase();
  const file = path.join(os.tmpdir(), `${name}.sqlite`);
  if (process.argv.includes('--fresh')) fs.rmSync(file, { force: true });
  const sqlite = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: file },
    useNullAsDefault: true,
  });
  const result: Array<{
    id: string;
    knex: Knex;
    close: () => Promise<void>;
  }> = [{ id: 'SQLite', knex: sqlite, close: () => sqlite.destroy() }];
  const pgUrl =
    process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
  if (pgUrl) {
    const admin = knexFactory({ client: 'pg', connection: pgUrl });
    if (process.argv.includes('--fresh')) {
      await admin.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
    const exists = await admin.raw(
      'SELECT 1 FROM pg_database WHERE datname = ?',
      [name],
    );
    if (!exists.rows.length) await admin.raw(`CREATE DATABASE ${name}`);
    await admin.destroy();
    const pg = knexFactory({
      client: 'pg',
      connection: `${pgUrl.replace(/\/$/, '')}/${name}`,
    });
    result.push({ id: 'PostgreSQL', knex: pg, close: () => pg.destroy() });
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

/**
 * Fills a fresh store on each database, warms each query up, times it
 * `runs` times and prints the table.
 * @public
 */
export async function runStoreBenchmark<S>(options: {
  title: string;
  prefix: string;
  /** Names the data set, e.g. its size: the same key reuses the data. */
  dataKey: string;
  runs: number;
  goalMs: number;
  /** Creates the store on a database (runs its migrations). */
  createStore: (knex: Knex) => Promise<S>;
  /** Fills it, showing progress. */
  fill: (store: S, databaseId: string) => Promise<void>;
  queries: BenchmarkQuery<S>[];
}): Promise<void> {
  console.log(
    `${options.title}, ${options.runs} runs per query, node ${
      process.version
    }, ${os.cpus().length} cores`,
  );
  const results: Record<
    string,
    Record<string, { p50: number; p95: number }>
  > = {};
  for (const db of await openDatabases(options.prefix, options.dataKey)) {
    try {
      const store = await options.createStore(db.knex);
      if (await db.knex.schema.hasTable('bench_filled')) {
        console.log(`${db.id}: reusing the data of an earlier run`);
      } else {
        const started = performance.now();
        await options.fill(store, db.id);
        console.log(
          ` in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
        await db.knex.schema.createTable('bench_filled', t => t.integer('x'));
        if (db.id === 'PostgreSQL') await db.knex.raw('VACUUM ANALYZE');
      }
      results[db.id] = {};
      for (const query of options.queries) {
        for (let i = 0; i < 5; i++) await query.run(store);
        const times: number[] = [];
        for (let i = 0; i < options.runs; i++) {
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
      await db.close();
    }
  }

  const dbs = Object.keys(results);
  const header = [
    'query',
    ...dbs.flatMap(d => [`${d} p50 ms`, `${d} p95 ms`, `${d} p95 ÷ goal`]),
  ];
  const rows = options.queries.map(q => [
    q.name,
    ...dbs.flatMap(d => {
      const r = results[d][q.name];
      return [
        r.p50.toFixed(2),
        r.p95.toFixed(2),
        (r.p95 / options.goalMs).toFixed(2),
      ];
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
    `\nGoal: every query well under ${options.goalMs} ms (the ratio column is p95 ÷ ${options.goalMs} ms; below 1 meets it).`,
  );
}
