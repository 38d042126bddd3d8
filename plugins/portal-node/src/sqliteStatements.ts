import { Knex } from 'knex';

const CACHED = Symbol('portal.statementCache');

/** What this file uses of a better-sqlite3 connection (no types here). */
type SqliteConnection = {
  prepare(sql: string): unknown;
  [CACHED]?: true;
};

/**
 * Reuses prepared statements on a better-sqlite3 Knex client (no-op on any
 * other client). Knex prepares every query again, which SQLite compiles
 * from its text each time: in a profile of the board under load that was
 * 8 % of the backend's CPU. Each connection keeps up to `max` statements
 * by their SQL (then starts over); SQLite recompiles a kept statement by
 * itself if the schema has changed. Safe because Knex only ever runs a
 * statement to completion (`all` or `run`, never an open iterator), and
 * sets a per-statement mode only for a query's `safeIntegers` option,
 * which the portal does not use.
 *
 * Every connection passes through the client's `acquireConnection` before
 * use, transactions included, so that is where it is applied.
 */
export function cacheSqliteStatements(knex: Knex, max = 500): Knex {
  const client = knex.client as {
    config: Knex.Config;
    acquireConnection(): Promise<SqliteConnection>;
    [CACHED]?: true;
  };
  if (client.config.client !== 'better-sqlite3' || client[CACHED]) return knex;
  client[CACHED] = true;
  const acquire = client.acquireConnection.bind(client);
  client.acquireConnection = async () => withCache(await acquire(), max);
  return knex;
}

function withCache(connection: SqliteConnection, max: number) {
  if (connection[CACHED]) return connection;
  connection[CACHED] = true;
  const prepare = connection.prepare.bind(connection);
  const statements = new Map<string, unknown>();
  connection.prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size >= max) statements.clear();
      statement = prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  return connection;
}
