/*
 * Bare Knex on one plugin's run database, outside the plugin: what the raw
 * server's `knex` tier replays the captured SQL on (./rawServer.ts), and
 * what the framework floor replays it on inside the backend to measure a
 * route's ceiling (./floorPlugin.ts). Configured by the BENCH_RAW_*
 * variables that `bareDatabaseEnv` (./server.ts) sets.
 */
import knexFactory, { Knex } from 'knex';
import path from 'node:path';

/** A fresh bare Knex on a plugin's database (no statement cache, the production pool size). */
export function openBareKnex(pluginId: string): Knex {
  const env = process.env;
  if (env.BENCH_RAW_DB === 'sqlite') {
    return knexFactory({
      client: 'better-sqlite3',
      connection: {
        filename: path.join(env.BENCH_RAW_SQLITE_DIR!, `${pluginId}.sqlite`),
      },
      useNullAsDefault: true,
    });
  }
  return knexFactory({
    client: 'pg',
    connection: pgConnection(pluginId),
    pool: { min: 0, max: Number(env.BENCH_RAW_POOL_MAX) },
  });
}

/** The connection string of a plugin's PostgreSQL database. */
export function pgConnection(pluginId: string): string {
  const env = process.env;
  return `${env.BENCH_RAW_PG}/${env.BENCH_RAW_PG_PREFIX}${pluginId}`;
}

/** The SQL a store call sent, as knex logs it (? placeholders). */
export type Captured = { sql: string; bindings: unknown[] };

/** Sends captured SQL in order, as bare knex.raw calls. */
export async function replay(knex: Knex, queries: Captured[]): Promise<void> {
  for (const q of queries) {
    await knex.raw(q.sql, q.bindings as any);
  }
}
