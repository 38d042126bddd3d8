import { Knex } from 'knex';
import fs from 'node:fs';
import { startSuiteBackend, testDatabaseIds } from './harness/backend';
import { isFrameworkTable, pluginKnex } from './harness/dump';
import { writeResult } from './harness/results';
import { internalBackendPlugins } from './harness/workspace';

jest.setTimeout(15 * 60_000);

const PLUGINS = internalBackendPlugins().filter(p => p.migrations);

async function tablesOf(knex: Knex): Promise<Record<string, true>> {
  const client = knex.client.config.client;
  const names: string[] =
    client === 'pg'
      ? (
          await knex.raw(
            "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
          )
        ).rows.map((r: { name: string }) => r.name)
      : (
          await knex.raw(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
          )
        ).map((r: { name: string }) => r.name);
  return Object.fromEntries(names.map(n => [n, true]));
}

async function counts(knex: Knex): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const names = Object.keys(await tablesOf(knex));
  for (const name of names.filter(n => !isFrameworkTable(n)).sort()) {
    const [{ n }] = await knex(name).count({ n: '*' });
    out[name] = Number(n);
  }
  return out;
}

async function migrationsTable(knex: Knex): Promise<string> {
  const all = Object.keys(await tablesOf(knex));
  const found = all.filter(
    n => /knex_migrations$/.test(n) && !n.startsWith('backstage_backend_'),
  );
  if (found.length !== 1) {
    throw new Error(`Expected one migrations table, found ${found.join(', ')}`);
  }
  return found[0];
}

describe.each(testDatabaseIds())('migrations on %s', databaseId => {
  it('go up, down and up again over the demo data, for every plugin', async () => {
    // The real backend migrates and seeds every plugin's database, in a
    // process of its own that is gone before the migrations run.
    const backend = await startSuiteBackend({ databaseId, keepData: true });
    await backend.stop();
    const figures: Record<string, unknown> = {};
    const lost: string[] = [];
    try {
      for (const plugin of PLUGINS) {
        const knex = pluginKnex(databaseId, plugin.pluginId, backend.databases);
        // Each plugin keeps its own migrations table (e.g. as_knex_migrations).
        const tableName = await migrationsTable(knex);
        const config = {
          directory: plugin.migrations!,
          loadExtensions: ['.js'],
          tableName,
        };
        try {
          const files = fs
            .readdirSync(plugin.migrations!)
            .filter(f => f.endsWith('.js'));
          const seeded = await counts(knex);
          const rows = Object.values(seeded).reduce((a, b) => a + b, 0);
          // The last migration down and up again: every table has its rows
          // again (a migration may rebuild derived tables, never lose data).
          await knex.migrate.down(config);
          await knex.migrate.up(config);
          const back = await counts(knex);
          // (With one migration, that is the whole schema: nothing to keep.)
          if (
            files.length > 1 &&
            JSON.stringify(back) !== JSON.stringify(seeded)
          ) {
            lost.push(
              `${plugin.pluginId}: ${JSON.stringify(
                seeded,
              )} became ${JSON.stringify(back)}`,
            );
          }
          // Every migration down, over the data, then all up again.
          await knex.migrate.rollback(config, true);
          expect(Object.keys(await counts(knex))).toEqual([]);
          await knex.migrate.latest(config);
          expect(Object.keys(await counts(knex)).sort()).toEqual(
            Object.keys(seeded).sort(),
          );
          figures[plugin.pluginId] = {
            migrations: files.length,
            tables: Object.keys(seeded).length,
            seededRows: rows,
          };
        } finally {
          await knex.destroy();
        }
      }
    } finally {
      await backend.drop();
    }
    writeResult(`migrations-${databaseId}`, { plugins: figures });
    expect(lost).toEqual([]);
    expect(Object.keys(figures).length).toBe(PLUGINS.length);
  });
});
