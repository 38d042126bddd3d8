/*
 * The benchmark's databases, named as Backstage names a plugin's database
 * (`<directory>/<pluginId>.sqlite`, or `<prefix><pluginId>` on PostgreSQL),
 * so that the backend started on them finds the data the generator made.
 *
 * The generated ("data") set is kept between runs; each run works on a copy
 * ("run"), because booking and answering add rows: a copied SQLite folder,
 * or `CREATE DATABASE … TEMPLATE` on PostgreSQL.
 */
import type { DatabaseService } from '@backstage/backend-plugin-api';
import fs from 'node:fs';
import path from 'node:path';
import knexFactory, { Knex } from 'knex';
import { DbKind, Options, pgPrefix } from './config';

export type DataSet = 'data' | 'run';

export function sqliteDir(options: Options, set: DataSet) {
  return path.join(options.dataDir, `sqlite-${set}`);
}

/** A Knex client on one plugin's database of a set (created if missing). */
export async function pluginKnex(
  options: Options,
  db: DbKind,
  set: DataSet,
  pluginId: string,
  /** For bulk loads: commits without waiting for the disk. */
  bulk = false,
): Promise<Knex> {
  if (db === 'sqlite') {
    const dir = sqliteDir(options, set);
    fs.mkdirSync(dir, { recursive: true });
    return knexFactory({
      client: 'better-sqlite3',
      connection: { filename: path.join(dir, `${pluginId}.sqlite`) },
      useNullAsDefault: true,
      pool: {
        afterCreate: (conn: any, done: (error: unknown) => void) => {
          if (bulk) conn.pragma('synchronous = OFF');
          done(null);
        },
      },
    });
  }
  const name = `${pgPrefix(options.scale, set)}${pluginId}`;
  await withAdmin(options, async admin => {
    const exists = await admin.raw(
      'SELECT 1 FROM pg_database WHERE datname = ?',
      [name],
    );
    if (!exists.rows.length) await admin.raw(`CREATE DATABASE "${name}"`);
  });
  return knexFactory({
    client: 'pg',
    connection: `${options.pgUrl}/${name}`,
    pool: {
      min: 0,
      max: 5,
      afterCreate: (conn: any, done: (error: unknown) => void) => {
        if (!bulk) return done(null);
        return conn.query('SET synchronous_commit = off', done);
      },
    },
  });
}

/** What a plugin's store needs of Backstage's database service. */
export function databaseService(knex: Knex): DatabaseService {
  return {
    getClient: async () => knex,
    migrations: { skip: false },
  } as DatabaseService;
}

export async function withAdmin<T>(
  options: Options,
  fn: (admin: Knex) => Promise<T>,
): Promise<T> {
  const admin = knexFactory({
    client: 'pg',
    connection: `${options.pgUrl}/postgres`,
    pool: { min: 0, max: 1 },
  });
  try {
    return await fn(admin);
  } finally {
    await admin.destroy();
  }
}

async function pgDatabases(options: Options, prefix: string) {
  return withAdmin(options, async admin =>
    (
      await admin.raw(
        "SELECT datname FROM pg_database WHERE datname LIKE ? ESCAPE '\\'",
        [`${prefix.replace(/_/g, '\\_')}%`],
      )
    ).rows.map((r: { datname: string }) => r.datname as string),
  );
}

/** Removes one plugin's generated database (to make it again). */
export async function dropPluginData(
  options: Options,
  db: DbKind,
  pluginId: string,
) {
  if (db === 'sqlite') {
    for (const suffix of ['', '-wal', '-shm']) {
      fs.rmSync(
        path.join(sqliteDir(options, 'data'), `${pluginId}.sqlite${suffix}`),
        { force: true },
      );
    }
    return;
  }
  const name = `${pgPrefix(options.scale, 'data')}${pluginId}`;
  await withAdmin(options, admin =>
    admin.raw(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  );
}

/** Removes a whole set (every plugin's database of it). */
export async function dropSet(options: Options, db: DbKind, set: DataSet) {
  if (db === 'sqlite') {
    fs.rmSync(sqliteDir(options, set), { recursive: true, force: true });
    return;
  }
  const names = await pgDatabases(options, pgPrefix(options.scale, set));
  await withAdmin(options, async admin => {
    for (const name of names) {
      await admin.raw(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  });
}

/**
 * Makes the run set a fresh copy of the data set: every plugin's database,
 * the generated ones and those the backend made when it was prepared.
 */
export async function copyDataToRun(options: Options, db: DbKind) {
  await dropSet(options, db, 'run');
  if (db === 'sqlite') {
    fs.cpSync(sqliteDir(options, 'data'), sqliteDir(options, 'run'), {
      recursive: true,
    });
    return;
  }
  const from = pgPrefix(options.scale, 'data');
  const to = pgPrefix(options.scale, 'run');
  const names = await pgDatabases(options, from);
  await withAdmin(options, async admin => {
    for (const name of names) {
      await admin.raw(
        `CREATE DATABASE "${to}${name.slice(from.length)}" TEMPLATE "${name}"`,
      );
    }
  });
}

/** The PostgreSQL databases of the run set (the connection budget counts them). */
export async function runDatabases(options: Options) {
  return pgDatabases(options, pgPrefix(options.scale, 'run'));
}
