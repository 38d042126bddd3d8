/*
 * Server processes of the benchmark: the portal's backend (bench/src/
 * backendMain.ts, NODE_ENV=production, configured by app-config.yaml,
 * bench/app-config.bench.yaml and a file written here) and the raw server.
 * Each is its own process, so the load (from the harness's process) and
 * the server never share a CPU thread, and its CPU time can be read from
 * /proc/<pid>/stat.
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import YAML from 'yaml';
import {
  BENCH,
  DbKind,
  Options,
  ROOT,
  pgPrefix,
  rawServerPort,
} from './config';
import { DataSet, sqliteDir } from './databases';
import { USERS } from './routes';

const NODE_TRANSFORM = require.resolve(
  '@backstage/cli/config/nodeTransform.cjs',
);
const CLOCK_TICKS = 100;

/**
 * The V8 flags `./portal backend` starts the backend with (its NODE_OPTIONS):
 * a young generation of 64 MiB semi-spaces instead of 16, so that a
 * request's short-lived objects die young instead of being promoted and
 * marked; measured here as about a tenth more requests per CPU-second
 * (docs/benchmarks.md), for about 100 MiB more memory under load.
 */
const BACKEND_NODE_FLAGS = ['--max-semi-space-size=64'];

export type ServerProcess = {
  name: string;
  url: string;
  pid: number;
  log: string;
  /** User + system CPU seconds of the process so far. */
  cpuSeconds(): number;
  /** The most resident memory the process has had (VmHWM), in MiB. */
  peakMemoryMiB(): number;
  stop(): Promise<void>;
};

/** User + system CPU seconds of a process, from /proc/<pid>/stat. */
export function cpuSecondsOf(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the whole line.
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

/** The most resident memory of a process so far (VmHWM), in MiB. */
export function peakMemoryMiBOf(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** Every process the harness started: none outlives it. */
const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => process.exit(130));
}

/** Registers a child process to be ended with the harness. */
export function own(child: ChildProcess) {
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

function track(
  name: string,
  child: ChildProcess,
  url: string,
  log: string,
  /**
   * How long a stop waits for it to exit before it is killed. Backstage
   * shuts down its plugins, then its HTTP server waits for the event bus's
   * open long polls (up to 55 s); --cpu-prof writes its profile only at a
   * normal exit.
   */
  graceSeconds = 30,
): ServerProcess {
  let exited = false;
  own(child);
  child.on('exit', () => {
    exited = true;
  });
  return {
    name,
    url,
    pid: child.pid!,
    log,
    cpuSeconds: () => cpuSecondsOf(child.pid!),
    peakMemoryMiB: () => peakMemoryMiBOf(child.pid!),
    async stop() {
      if (exited) return;
      child.kill('SIGINT');
      for (let i = 0; i < graceSeconds * 10 && !exited; i++) await sleep(100);
      if (!exited) child.kill('SIGKILL');
      for (let i = 0; i < 20 && !exited; i++) await sleep(100);
    },
  };
}

/** Bench users for the concurrency proofs: peers who answer and show interest. */
export const BENCH_PEERS = 120;
export const benchPeer = (i: number) =>
  `bench.peer.${String(i).padStart(3, '0')}`;

function writeBenchUsers(options: Options) {
  const file = path.join(options.dataDir, 'bench-users.yaml');
  const docs = Array.from({ length: BENCH_PEERS }, (_, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: benchPeer(i) },
    spec: {
      profile: { displayName: `Bench Peer ${i}` },
      memberOf: ['peer', 'rjl-recovery-college'],
    },
  }));
  fs.mkdirSync(options.dataDir, { recursive: true });
  fs.writeFileSync(file, docs.map(d => YAML.stringify(d)).join('---\n'));
  return file;
}

function pgConnection(options: Options) {
  const url = new URL(options.pgUrl!);
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
  };
}

/** The pool of each plugin's database in production (app-config.production.yaml). */
export function productionPool(): { min?: number; max: number } {
  const production = YAML.parse(
    fs.readFileSync(path.join(ROOT, 'app-config.production.yaml'), 'utf8'),
  );
  return production?.backend?.database?.knexConfig?.pool ?? { max: 10 };
}

/** The configuration file of one backend start. */
function writeRunConfig(
  options: Options,
  db: DbKind,
  set: DataSet,
  port: number,
  publicUrl: string,
) {
  const database =
    db === 'sqlite'
      ? {
          client: 'better-sqlite3',
          connection: { directory: sqliteDir(options, set) },
        }
      : {
          client: 'pg',
          connection: pgConnection(options),
          prefix: pgPrefix(options.scale, set),
          // As in production: each plugin has its own pool.
          knexConfig: { pool: productionPool() },
        };
  const config = {
    app: { baseUrl: publicUrl },
    backend: {
      baseUrl: publicUrl,
      listen: { port },
      cors: { origin: publicUrl },
      database,
    },
    catalog: {
      locations: [
        {
          type: 'file',
          target: path.join(ROOT, 'catalog/org.yaml'),
          rules: [{ allow: ['Group', 'User'] }],
        },
        {
          type: 'file',
          target: writeBenchUsers(options),
          rules: [{ allow: ['User'] }],
        },
      ],
    },
  };
  const file = path.join(
    options.dataDir,
    `app-config.${db}-${set}-${port}.yaml`,
  );
  fs.writeFileSync(file, YAML.stringify(config));
  return file;
}

async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  seconds: number,
  alive: () => boolean,
) {
  for (let i = 0; i < seconds * 4; i++) {
    if (!alive()) throw new Error(`${what}: the process exited`);
    try {
      if (await check()) return;
    } catch {
      // not yet
    }
    await sleep(250);
  }
  throw new Error(`${what}: not ready after ${seconds} s`);
}

/** Fails at once when a port is taken (another run, another program). */
async function assertFree(port: number) {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', () =>
      reject(new Error(`Port ${port} is in use: choose others with --port`)),
    );
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

/** Starts the portal's backend on a data set and waits until sign-in works. */
export async function startBackend(
  options: Options,
  opts: {
    db: DbKind;
    set: DataSet;
    port: number;
    name: string;
    /** The URL the app and the links use (nginx's in the scale-out). */
    publicUrl?: string;
  },
): Promise<ServerProcess> {
  const url = `http://localhost:${opts.port}`;
  await assertFree(opts.port);
  const config = writeRunConfig(
    options,
    opts.db,
    opts.set,
    opts.port,
    opts.publicUrl ?? url,
  );
  fs.mkdirSync(options.resultsDir, { recursive: true });
  const log = path.join(options.resultsDir, `${opts.name}.log`);
  const out = fs.openSync(log, 'w');
  const profDir = path.join(options.resultsDir, 'cpu-profiles', opts.name);
  if (options.cpuProf) fs.mkdirSync(profDir, { recursive: true });
  const child = spawn(
    process.execPath,
    [
      ...(options.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : []),
      ...BACKEND_NODE_FLAGS,
      '--require',
      NODE_TRANSFORM,
      path.join(BENCH, 'src/backendMain.ts'),
      '--config',
      path.join(ROOT, 'app-config.yaml'),
      '--config',
      path.join(BENCH, 'app-config.bench.yaml'),
      '--config',
      config,
    ],
    {
      cwd: path.join(ROOT, 'packages/backend'),
      stdio: ['ignore', out, out],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORTAL_DATA_DIR: sqliteDir(options, opts.set),
        BENCH_CONFIG_SCHEMA: path.join(BENCH, '.data', 'config-schema.json'),
        // The floor's ceiling tier (./floorPlugin.ts): the raw server of
        // the load phase has the SQL, and bare Knex opens the databases.
        ...bareDatabaseEnv(options, opts.db, opts.set),
        BENCH_RAW_URL: `http://localhost:${rawServerPort(options)}`,
        // The smoke test starts on a new catalog: process it at once.
        ...(options.scale.name === 'smoke' && {
          APP_CONFIG_catalog_processingInterval_seconds: '2',
        }),
      },
    },
  );
  fs.closeSync(out);
  const server = track(
    opts.name,
    child,
    url,
    log,
    options.cpuProf ? 70 : undefined,
  );
  const alive = () => child.exitCode === null && child.signalCode === null;
  try {
    await waitFor(
      `${opts.name} (log: ${log})`,
      async () =>
        (await fetch(`${url}/.backstage/health/v1/readiness`)).ok &&
        // Every demo user the routes run as is in the catalog.
        (
          await Promise.all(Object.values(USERS).map(u => signIn(url, u)))
        ).length > 0,
      300,
      alive,
    );
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

/** A demo user's Backstage token (GET /api/auth/demo/refresh). */
export async function signIn(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/demo/refresh`, {
    headers: { 'x-demo-user': username, 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!res.ok) throw new Error(`sign-in as ${username}: ${res.status}`);
  const body = (await res.json()) as {
    backstageIdentity: { token: string };
  };
  return body.backstageIdentity.token;
}

/**
 * Waits until the process has been nearly idle for two seconds (catalog
 * processing, search indexing and the evaluation's first pull done), at
 * most `seconds`.
 */
export async function waitQuiet(server: ServerProcess, seconds = 120) {
  const started = Date.now();
  let last = server.cpuSeconds();
  let quiet = 0;
  while (Date.now() - started < seconds * 1000) {
    await sleep(1000);
    const now = server.cpuSeconds();
    quiet = now - last < 0.05 ? quiet + 1 : 0;
    last = now;
    if (quiet >= 2) return;
  }
}

/** Where bare Knex finds a data set's plugin databases (./bareKnex.ts). */
function bareDatabaseEnv(options: Options, db: DbKind, set: DataSet) {
  return {
    BENCH_RAW_DB: db,
    BENCH_RAW_SQLITE_DIR: sqliteDir(options, set),
    BENCH_RAW_PG: db === 'pg' ? options.pgUrl : '',
    BENCH_RAW_PG_PREFIX: pgPrefix(options.scale, set),
    BENCH_RAW_POOL_MAX: String(productionPool().max),
  };
}

/** The raw server (bench/src/rawServer.ts) on the run set of a database. */
export async function startRawServer(
  options: Options,
  opts: {
    db: DbKind;
    port: number;
    contextFile: string;
    /** Its log's and profile's name; raw-<db> unless given. */
    name?: string;
  },
): Promise<ServerProcess> {
  const url = `http://localhost:${opts.port}`;
  await assertFree(opts.port);
  const name = opts.name ?? `raw-${opts.db}`;
  const log = path.join(options.resultsDir, `${name}.log`);
  const out = fs.openSync(log, 'w');
  const profDir = path.join(options.resultsDir, 'cpu-profiles', name);
  if (options.cpuProf) fs.mkdirSync(profDir, { recursive: true });
  const child = spawn(
    process.execPath,
    [
      ...(options.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : []),
      '--require',
      NODE_TRANSFORM,
      path.join(BENCH, 'src/rawServer.ts'),
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', out, out],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        ...bareDatabaseEnv(options, opts.db, 'run'),
        BENCH_RAW_PORT: String(opts.port),
        BENCH_RAW_CONTEXT: opts.contextFile,
      },
    },
  );
  fs.closeSync(out);
  const server = track(name, child, url, log);
  const alive = () => child.exitCode === null && child.signalCode === null;
  await waitFor(
    `raw server (log: ${log})`,
    async () => (await fetch(`${url}/ready`)).ok,
    120,
    alive,
  );
  return server;
}
