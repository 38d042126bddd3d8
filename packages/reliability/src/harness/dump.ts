import knexFactory, { Knex } from 'knex';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';

export type DatabaseId = 'SQLITE_3' | 'POSTGRES_15';

/** Table name to its rows (each row as JSON, sorted), per plugin. */
export type DatabaseDump = Record<string, Record<string, string[]>>;

/**
 * Tables that the framework changes on its own (scheduler heartbeats,
 * migration bookkeeping): left out of the comparison.
 */
export function isFrameworkTable(name: string): boolean {
  return /knex_migrations|^backstage_backend_/.test(name);
}

function rowJson(row: Record<string, unknown>): string {
  return JSON.stringify(row, (_key, value) => {
    if (value && typeof value === 'object' && value.type === 'Buffer') {
      return `0x${Buffer.from(value.data).toString('hex')}`;
    }
    if (value instanceof Date) {
      return value.toISOString();
    }
    return value;
  });
}

function pgConnectionString(
  database?: string,
  base = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING!,
) {
  return database ? `${base.replace(/\/$/, '')}/${database}` : base;
}

/**
 * A Knex client on one plugin's database: `<directory>/<pluginId>.sqlite`,
 * or `<prefix><pluginId>` on PostgreSQL (by default the configured server).
 */
export function pluginKnex(
  databaseId: DatabaseId,
  pluginId: string,
  databases: { directory: string; prefix: string },
  connectionString?: string,
): Knex {
  return databaseId === 'POSTGRES_15'
    ? knexFactory({
        client: 'pg',
        connection: pgConnectionString(
          `${databases.prefix}${pluginId}`,
          connectionString,
        ),
      })
    : knexFactory({
        client: 'better-sqlite3',
        connection: {
          filename: path.join(databases.directory, `${pluginId}.sqlite`),
        },
        useNullAsDefault: true,
      });
}

/** Every row of every table of the plugins' databases. */
export async function databaseDump(options: {
  databaseId: DatabaseId;
  plugins: string[];
  directory: string;
  prefix: string;
}): Promise<DatabaseDump> {
  const dump: DatabaseDump = {};
  for (const pluginId of options.plugins) {
    const tables: Record<string, string[]> = {};
    if (options.databaseId === 'SQLITE_3') {
      const file = path.join(options.directory, `${pluginId}.sqlite`);
      if (!fs.existsSync(file)) continue;
      const db = knexFactory({
        client: 'better-sqlite3',
        connection: { filename: file, options: { readonly: true } } as any,
        useNullAsDefault: true,
      });
      try {
        const names = (await db.raw(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )) as Array<{ name: string }>;
        for (const { name } of names) {
          if (isFrameworkTable(name)) continue;
          const rows = (await db(name).select()) as Array<
            Record<string, unknown>
          >;
          tables[name] = rows.map(rowJson).sort();
        }
      } finally {
        await db.destroy();
      }
    } else {
      const client = new Client({
        connectionString: pgConnectionString(`${options.prefix}${pluginId}`),
      });
      try {
        await client.connect();
      } catch {
        continue; // the plugin has no database
      }
      try {
        const { rows: names } = await client.query<{ name: string }>(
          "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
        );
        for (const { name } of names) {
          if (isFrameworkTable(name)) continue;
          const { rows } = await client.query(`SELECT * FROM "${name}"`);
          tables[name] = rows.map(rowJson).sort();
        }
      } finally {
        await client.end();
      }
    }
    dump[pluginId] = tables;
  }
  return dump;
}

/** Rows added or removed between two dumps, as readable lines. */
export function dumpDifference(before: DatabaseDump, after: DatabaseDump) {
  const lines: string[] = [];
  const plugins = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const plugin of plugins) {
    const b = before[plugin] ?? {};
    const a = after[plugin] ?? {};
    for (const table of new Set([...Object.keys(b), ...Object.keys(a)])) {
      const was = new Set(b[table] ?? []);
      const is = new Set(a[table] ?? []);
      for (const row of is)
        if (!was.has(row)) lines.push(`+ ${plugin}.${table} ${row}`);
      for (const row of was)
        if (!is.has(row)) lines.push(`- ${plugin}.${table} ${row}`);
    }
  }
  return lines;
}

export async function dropDatabases(prefix: string, connectionString?: string) {
  const client = new Client({
    connectionString: pgConnectionString(undefined, connectionString),
  });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname LIKE $1',
      [`${prefix}%`],
    );
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}
