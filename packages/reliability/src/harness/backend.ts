import { createBackend } from '@backstage/backend-defaults';
import { httpRouterServiceFactory } from '@backstage/backend-defaults/httpRouter';
import {
  coreServices,
  createServiceFactory,
  HttpRouterService,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import appBackend from '@backstage/plugin-app-backend';
import { JsonObject } from '@backstage/types';
// The suite starts the portal's real feature list (packages/backend).
// eslint-disable-next-line @backstage/no-forbidden-package-imports
import { portalFeatures } from 'backend/src/features';
// The same wait as the backend's own tests (this package is tests only).
// eslint-disable-next-line @backstage/no-forbidden-package-imports, no-restricted-imports
import { waitForOrganisation as waitForBackendOrganisation } from 'backend/src/__testUtils__/portalBackend';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Handler } from 'express';
import { DatabaseId, databaseDump, dropDatabases, DatabaseDump } from './dump';
import { internalBackendPlugins, REPO_ROOT } from './workspace';
import { enumerateRoutes } from './routes';
import { startChild, stopChild } from './child';

/** The static service token the suite calls service-only routes with. */
export const SERVICE_TOKEN = 'reliability-suite-service-token';

export function postgresConnectionString(): string | undefined {
  return process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
}

/** SQLite always, PostgreSQL when configured (as the rest of the repo). */
export function testDatabaseIds(): DatabaseId[] {
  return postgresConnectionString()
    ? ['SQLITE_3', 'POSTGRES_15']
    : ['SQLITE_3'];
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** What each plugin handed to `httpRouter.use`, in order. */
export type RecordedHandlers = Map<string, Handler[]>;

/**
 * The httpRouter service of the portal (its own factory when features.ts
 * has one, else Backstage's), wrapped so that the suite sees every handler
 * each plugin mounts: that is how routes are enumerated by construction.
 */
function isHttpRouterFactory(feature: unknown): boolean {
  return (
    (feature as { featureType?: string }).featureType === 'service' &&
    (feature as { service?: { id: string } }).service?.id ===
      coreServices.httpRouter.id
  );
}

function recordingHttpRouter(recorded: RecordedHandlers): ServiceFactory {
  const inner = (portalFeatures.find(isHttpRouterFactory) ??
    httpRouterServiceFactory) as unknown as {
    deps: Record<string, any>;
    factory(deps: any, ctx: unknown): Promise<HttpRouterService>;
  };
  return createServiceFactory({
    service: coreServices.httpRouter,
    initialization: 'always',
    deps: inner.deps as { plugin: typeof coreServices.pluginMetadata },
    async factory(deps) {
      const router = await inner.factory(deps, undefined);
      const id = deps.plugin.getId();
      return {
        use(handler) {
          const list = recorded.get(id) ?? [];
          list.push(handler);
          recorded.set(id, list);
          router.use(handler);
        },
        addAuthPolicy(policy) {
          router.addAuthPolicy(policy);
        },
      };
    },
  }) as unknown as ServiceFactory;
}

function deepMerge(a: JsonObject, b: JsonObject): JsonObject {
  const out: JsonObject = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] =
      v &&
      typeof v === 'object' &&
      !Array.isArray(v) &&
      prev &&
      typeof prev === 'object' &&
      !Array.isArray(prev)
        ? deepMerge(prev as JsonObject, v as JsonObject)
        : v;
  }
  return out;
}

/** Where the plugins' databases are: SQLite files, or PostgreSQL databases `prefix + pluginId`. */
export type SuiteDatabases = { directory: string; prefix: string };

export type SuiteBackend = {
  databaseId: DatabaseId;
  /** Every route of the portal's plugins, as `METHOD /api/plugin/path`. */
  routes: string[];
  /**
   * Runs every scheduled task of the portal's plugins now and waits until
   * the tables stop changing, so that background work (reminders, fact
   * ingestion) does not show up as rows written by a request.
   */
  settle(): Promise<void>;
  baseUrl: string;
  /** Every table of every portal plugin's database, rows sorted. */
  dump(): Promise<DatabaseDump>;
  databases: SuiteDatabases;
  stop(): Promise<void>;
  /** Removes the databases (after `stop` with `keepData`). */
  drop(): Promise<void>;
};

export type SuiteBackendOptions = {
  databaseId: DatabaseId;
  demoData?: boolean;
  config?: JsonObject;
  /** Leave the databases when stopping (the caller removes them with `drop`). */
  keepData?: boolean;
  /** Use the databases of another backend (a second replica). */
  databases?: SuiteDatabases;
};

/**
 * Starts the portal's real backend (features.ts: every plugin and module,
 * real tokens, real permission policy) in this process, on the given port
 * and databases; answers with the routes each plugin mounted. Only
 * scripts/backendChild.ts calls it: the tests start the backend in a
 * process of its own (startSuiteBackend).
 */
export async function startInProcessBackend(options: {
  databaseId: DatabaseId;
  port: number;
  databases: SuiteDatabases;
  demoData?: boolean;
  config?: JsonObject;
}): Promise<{ baseUrl: string; routes: string[] }> {
  const { port, databases } = options;
  const baseUrl = `http://localhost:${port}`;
  const database =
    options.databaseId === 'POSTGRES_15'
      ? {
          client: 'pg',
          connection: postgresConnectionString()!,
          prefix: databases.prefix,
          knexConfig: { pool: { min: 0, max: 5 } },
        }
      : {
          client: 'better-sqlite3',
          connection: { directory: databases.directory },
        };
  const demo = options.demoData ?? true;
  const base: JsonObject = {
    app: { baseUrl, title: 'Test' },
    backend: {
      baseUrl,
      listen: { port, host: '127.0.0.1' },
      database,
      auth: {
        externalAccess: [
          {
            type: 'static',
            options: { token: SERVICE_TOKEN, subject: 'reliability-suite' },
          },
        ],
      },
    },
    auth: {
      environment: 'development',
      session: { secret: 'test' },
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
    peerDirectory: { demoData: demo },
    networkMeetings: { demoData: demo },
    assignments: { demoData: demo },
    // The board's and the calendar's facts reach the evaluation through
    // events at once; its scheduled pull (the fallback, every minute by
    // default) would move its cursor in the middle of a comparison of the
    // tables, so here it runs only when settle() triggers it.
    evaluation: { demoData: demo, pullIntervalMinutes: 24 * 60 },
    events: { notifyTimeoutMs: 500 },
  };
  // The suite books and registers far more than a person would.
  const config = deepMerge(
    deepMerge(base, {
      assignments: { rateLimit: { bookings: { max: 100_000 } } },
      peerDirectory: { rateLimit: { interest: { max: 100_000 } } },
    }),
    options.config ?? {},
  );

  const handlers: RecordedHandlers = new Map();
  const backend = createBackend();
  backend.add(mockServices.rootConfig.factory({ data: config }));
  backend.add(mockServices.rootLogger.factory({ level: 'error' }));
  for (const feature of portalFeatures) {
    // The app bundle is not served here: a build of it running at the same
    // time must not stop the backend from starting.
    if (!isHttpRouterFactory(feature) && feature !== appBackend) {
      backend.add(feature);
    }
  }
  backend.add(recordingHttpRouter(handlers));
  await backend.start();

  return {
    baseUrl,
    routes: enumerateRoutes(
      handlers,
      internalBackendPlugins().map(p => p.pluginId),
    ),
  };
}

/**
 * Runs every scheduled task of the portal's plugins once from now and waits
 * until the tables stop changing, so that background work (reminders, fact
 * ingestion, retention) does not show up as rows written by a request.
 */
async function settle(
  baseUrl: string,
  plugins: string[],
  dump: () => Promise<DatabaseDump>,
): Promise<void> {
  // Every scheduled task runs once from now (a task still in its
  // initial delay runs when the delay is over), then the tables must
  // stay the same for a while.
  const headers = { authorization: `Bearer ${SERVICE_TOKEN}` };
  const from = Date.now();
  const triggered = new Set<string>();
  for (let i = 0; i < 240; i++) {
    let pending = 0;
    for (const pluginId of plugins) {
      const res = await fetch(
        `${baseUrl}/api/${pluginId}/.backstage/scheduler/v1/tasks`,
        { headers },
      );
      if (!res.ok) continue;
      const { tasks } = (await res.json()) as {
        tasks: Array<{
          taskId: string;
          taskState?: { status?: string; lastRunEndedAt?: string };
        }>;
      };
      for (const { taskId, taskState } of tasks) {
        const ended = taskState?.lastRunEndedAt
          ? Date.parse(taskState.lastRunEndedAt)
          : 0;
        if (ended >= from - 1000 && taskState?.status === 'idle') continue;
        pending += 1;
        if (!triggered.has(taskId) && taskState?.status === 'idle') {
          triggered.add(taskId);
          await fetch(
            `${baseUrl}/api/${pluginId}/.backstage/scheduler/v1/tasks/${encodeURIComponent(
              taskId,
            )}/trigger`,
            { method: 'POST', headers },
          );
        }
      }
    }
    if (!pending) break;
    await new Promise(r => setTimeout(r, 500));
  }
  let last = JSON.stringify(await dump());
  for (let i = 0; i < 60; i++) {
    await new Promise(r => setTimeout(r, 1500));
    const now = JSON.stringify(await dump());
    if (now === last) return;
    last = now;
  }
}

/**
 * Starts the portal's real backend for a test, in a process of its own (so
 * that nothing of it outlives the test: Backstage leaves timers behind
 * after stop, which fail once the databases are dropped), on SQLite files
 * in a temporary folder or PostgreSQL databases under a random prefix. It
 * answers once the catalog has the organisation file. The test reads every
 * table directly for its dumps.
 */
export async function startSuiteBackend(
  options: SuiteBackendOptions,
): Promise<SuiteBackend> {
  const databases = options.databases ?? {
    directory: fs.mkdtempSync(path.join(os.tmpdir(), 'portal-reliability-')),
    prefix: `reliability_${randomBytes(4).toString('hex')}_`,
  };
  const child = await startChild(
    options.databaseId,
    await freePort(),
    databases.directory,
    databases.prefix,
    undefined,
    { demoData: options.demoData, config: options.config },
  );
  const plugins = internalBackendPlugins().map(p => p.pluginId);
  const drop = async () => {
    if (options.databaseId === 'POSTGRES_15') {
      await dropDatabases(databases.prefix);
    }
    fs.rmSync(databases.directory, { recursive: true, force: true });
  };
  const dump = () =>
    databaseDump({ databaseId: options.databaseId, plugins, ...databases });
  return {
    databaseId: options.databaseId,
    baseUrl: child.baseUrl,
    routes: child.routes,
    dump,
    settle: () => settle(child.baseUrl, plugins, dump),
    databases,
    async stop() {
      await stopChild(child);
      if (!options.keepData) await drop();
    },
    drop,
  };
}

/** Signs in as a demo user; the Backstage token. */
export async function demoToken(
  baseUrl: string,
  username: string,
): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/demo/refresh`, {
    headers: { 'x-demo-user': username, 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!res.ok) {
    throw new Error(`Sign-in of ${username} failed: ${res.status}`);
  }
  const body = (await res.json()) as {
    backstageIdentity: { token: string };
  };
  return body.backstageIdentity.token;
}

/** Polls until the catalog has the organisation file's users and groups. */
export async function waitForOrganisation(baseUrl: string) {
  await waitForBackendOrganisation(baseUrl, {
    authorization: `Bearer ${SERVICE_TOKEN}`,
  });
}
