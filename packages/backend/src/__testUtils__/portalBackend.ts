import { createBackend } from '@backstage/backend-defaults';
import { BackendFeature } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import { parseAllDocuments } from 'yaml';
import { addPortalFeatures } from '../features';

export const REPO_ROOT = path.resolve(__dirname, '../../../..');

/** The databases the integration tests run on: SQLite always, PostgreSQL when configured. */
export function testDatabaseIds(): Array<'SQLITE_3' | 'POSTGRES_15'> {
  return postgresConnectionString()
    ? ['SQLITE_3', 'POSTGRES_15']
    : ['SQLITE_3'];
}

export function postgresConnectionString(): string | undefined {
  return process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export type PortalTestBackend = {
  baseUrl: string;
  stop(): Promise<void>;
};

/**
 * Starts the portal's real backend (every plugin and module of
 * features.ts, real tokens, real permission policy) in this process, on a
 * free port, with the given database.
 */
export async function startPortalBackend(options: {
  databaseId: 'SQLITE_3' | 'POSTGRES_15';
  config?: JsonObject;
  /** Test plugins to run next to the portal's own. */
  features?: BackendFeature[];
}): Promise<PortalTestBackend> {
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const prefix = `portal_test_${randomBytes(4).toString('hex')}_`;
  const database =
    options.databaseId === 'POSTGRES_15'
      ? { client: 'pg', connection: postgresConnectionString()!, prefix }
      : { client: 'better-sqlite3', connection: ':memory:' };

  const config: JsonObject = {
    app: { baseUrl, title: 'Test' },
    backend: {
      baseUrl,
      listen: { port, host: '127.0.0.1' },
      database,
    },
    // No `auth.session`: its store (connect-session-knex) cleans up on a
    // timer every minute that outlives backend.stop(); in a Jest worker
    // that goes on to another test file, it then reads the dropped auth
    // database and its unhandled rejection fails that other file (it
    // failed the reliability suite's concurrency test in CI twice). Demo
    // sign-in needs no session.
    auth: {
      environment: 'development',
      providers: { demo: {} },
    },
    catalog: {
      rules: [{ allow: ['Group', 'User', 'Location'] }],
      processingInterval: { seconds: 1 },
      locations: [
        {
          type: 'file',
          target: path.join(REPO_ROOT, 'catalog/org.yaml'),
          rules: [{ allow: ['Group', 'User'] }],
        },
      ],
    },
    permission: { enabled: true },
    peerDirectory: { demoData: true },
    // Short long-polls on the events bus, so that stopping is quick.
    events: { notifyTimeoutMs: 500 },
    ...options.config,
  };

  const backend = createBackend();
  backend.add(mockServices.rootConfig.factory({ data: config }));
  backend.add(mockServices.rootLogger.factory({ level: 'warn' }));
  addPortalFeatures(backend);
  for (const feature of options.features ?? []) {
    backend.add(feature);
  }
  await backend.start();

  return {
    baseUrl,
    async stop() {
      await backend.stop();
      if (options.databaseId === 'POSTGRES_15') {
        await dropDatabases(prefix);
      }
    },
  };
}

async function dropDatabases(prefix: string) {
  const client = new Client({ connectionString: postgresConnectionString() });
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

/** Signs in as a demo user and returns the Backstage token. */
export async function demoSignIn(baseUrl: string, username: string) {
  const res = await fetch(`${baseUrl}/api/auth/demo/refresh`, {
    headers: { 'x-demo-user': username, 'X-Requested-With': 'XMLHttpRequest' },
  });
  return res;
}

/** How many users and groups catalog/org.yaml holds. */
export function organisationSize(): { users: number; groups: number } {
  const kinds = parseAllDocuments(
    fs.readFileSync(path.join(REPO_ROOT, 'catalog/org.yaml'), 'utf8'),
  ).map(doc => doc.toJSON()?.kind);
  return {
    users: kinds.filter(kind => kind === 'User').length,
    groups: kinds.filter(kind => kind === 'Group').length,
  };
}

/**
 * Polls until the catalog has every user and every group of the
 * organisation file, and answers with the demo users. Both matter: the
 * users sign in, and the groups are the units that bookings name (a
 * booking for a unit the catalog has not loaded yet is a 400). The groups
 * are counted with `authorization`, or else as the first demo user.
 */
export async function waitForOrganisation(
  baseUrl: string,
  options: { authorization?: string; timeoutMs?: number } = {},
): Promise<Array<{ username: string }>> {
  const expected = organisationSize();
  const timeoutMs = options.timeoutMs ?? 90_000;
  const deadline = Date.now() + timeoutMs;
  let authorization = options.authorization;
  let users: Array<{ username: string }> = [];
  let groups = 0;
  for (;;) {
    const list = await fetch(`${baseUrl}/api/auth/demo/users`).catch(
      () => undefined,
    );
    if (list?.ok) users = ((await list.json()) as { users: any[] }).users;
    if (users.length >= expected.users) {
      if (!authorization) {
        const token = (await (
          await demoSignIn(baseUrl, users[0].username)
        ).json()) as { backstageIdentity: { token: string } };
        authorization = `Bearer ${token.backstageIdentity.token}`;
      }
      const res = await fetch(
        `${baseUrl}/api/catalog/entities/by-query?filter=kind=group&limit=1`,
        { headers: { authorization } },
      );
      if (res.ok) {
        groups = ((await res.json()) as { totalItems: number }).totalItems;
        if (groups >= expected.groups) return users;
      }
    }
    if (Date.now() > deadline) {
      throw new Error(
        `The catalog did not load the organisation within ${
          timeoutMs / 1000
        } s: ${users.length} of ${expected.users} users, ${groups} of ${
          expected.groups
        } groups`,
      );
    }
    await new Promise(r => setTimeout(r, 250));
  }
}
