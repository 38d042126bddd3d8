/*
 * The benchmark harness: `./portal bench` or `yarn bench` (see --help and
 * docs/benchmarks.md). Makes the data at scale (once), then on SQLite and
 * PostgreSQL starts the portal's backend and a raw server, loads each route
 * side by side with its raw query and the Bazaar backend, runs the
 * scale-out on two replicas behind nginx, measures the frontend, and
 * writes a table and bench/results/<time>.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  BENCH,
  DB_LABEL,
  DbKind,
  Options,
  machine,
  rawServerPort,
  readOptions,
} from './config';
import { copyDataToRun } from './databases';
import { bundleSizes, frontendPhase } from './frontend';
import { generate, isDone, markDone } from './generate';
import { LoadOptions, loadInTurn } from './load';
import { printReport, Report, RouteResult } from './report';
import {
  api,
  discoverContext,
  seedBazaar,
  waitForIndexing,
  warmUp,
} from './context';
import { ROUTES, RouteContext, USERS } from './routes';
import { scaleOutPhase } from './scaleout';
import {
  ServerProcess,
  signIn,
  startBackend,
  startRawServer,
  waitQuiet,
} from './server';

const step = (text: string) => console.log(`\n== ${text}`);

/**
 * Once per data set: starts the backend on the generated data, so that
 * every plugin's migrations, the catalog and the search index are in it,
 * and fills the Bazaar backend through its own API.
 */
async function prepare(options: Options, db: DbKind) {
  const key = `${options.scale.bazaarProjects} bazaar projects`;
  if (options.scale.name === 'smoke' || isDone(options, db, 'prepared', key)) {
    return;
  }
  step(
    `${DB_LABEL[db]}: preparing the data set (backend start, Bazaar projects)`,
  );
  const backend = await startBackend(options, {
    db,
    set: 'data',
    port: options.basePort,
    name: `prepare-${db}`,
  });
  try {
    const token = await signIn(backend.url, USERS.peer);
    await warmUp(backend.url, token);
    await seedBazaar(backend.url, token, options.scale.bazaarProjects, db);
    // Run the first reminders and the evaluation's first pull of facts
    // now, so that the runs do not do them under load.
    for (const [plugin, task] of [
      ['network-meetings', 'network-meetings-reminders'],
      ['evaluation', 'evaluation-pull-facts'],
    ]) {
      await api(
        backend.url,
        token,
        `/api/${plugin}/.backstage/scheduler/v1/tasks/${task}/trigger`,
        { method: 'POST' },
      );
    }
    await sleep(5000);
    // The evaluation's first pull reads every fact of the board: minutes.
    await waitQuiet(backend, 1200);
  } finally {
    await backend.stop();
  }
  markDone(options, db, 'prepared', key);
}

/** A backend on a fresh copy of the data set, signed in, context found. */
export type Running = {
  backend: ServerProcess;
  tokens: Record<string, string>;
  context: RouteContext;
};

async function startRun(options: Options, db: DbKind): Promise<Running> {
  step(`${DB_LABEL[db]}: a fresh copy of the data set, the backend on it`);
  await copyDataToRun(options, db);
  const since = Date.now();
  const backend = await startBackend(options, {
    db,
    set: 'run',
    port: options.basePort,
    name: `backend-${db}`,
  });
  try {
    const tokens: Record<string, string> = {};
    for (const [role, username] of Object.entries(USERS)) {
      tokens[role] = await signIn(backend.url, username);
    }
    await warmUp(backend.url, tokens.peer);
    if (options.scale.name === 'smoke') {
      // The smoke test has no prepare step: the Bazaar backend is filled here.
      await seedBazaar(
        backend.url,
        tokens.peer,
        options.scale.bazaarProjects,
        db,
      );
    }
    // Search indexes at start (then hourly here, app-config.bench.yaml):
    // not under a measured run.
    const waited = await waitForIndexing(backend.url, tokens.peer, since, 30);
    console.log(`  search indexed (waited ${(waited / 1000).toFixed(0)} s)`);
    await waitQuiet(backend, options.scale.name === 'smoke' ? 3 : 60);
    const context = await discoverContext(backend.url, tokens);
    return { backend, tokens, context };
  } catch (error) {
    await backend.stop();
    throw error;
  }
}

async function loadPhase(
  options: Options,
  db: DbKind,
  { backend, tokens, context }: Running,
): Promise<RouteResult[]> {
  const results: RouteResult[] = [];
  const contextFile = path.join(options.dataDir, `context-${db}.json`);
  fs.writeFileSync(contextFile, JSON.stringify(context));
  const raw = await startRawServer(options, {
    db,
    port: rawServerPort(options),
    contextFile,
  });
  const smoke = options.scale.name === 'smoke';
  try {
    const routes = ROUTES.filter(
      r => !options.routes || options.routes.includes(r.id),
    );
    for (const route of routes) {
      const common = {
        connections: options.connections,
        duration: options.duration,
        runs: options.runs,
        warmup: smoke ? 0 : 1,
      };
      let tiers =
        route.kind === 'read' ? ['store', 'knex', 'driver'] : ['store'];
      if (route.peer) tiers = tiers.filter(t => t !== 'store');
      if (smoke && route.kind === 'read') tiers = ['knex'];
      const targets: Record<string, LoadOptions> = {
        portal: {
          ...common,
          url: backend.url,
          token: tokens[route.as],
          request: i => ({
            method: route.method,
            path: route.path(context, i),
            body: route.body && JSON.stringify(route.body(context, i)),
          }),
        },
      };
      if (route.target) {
        // The framework floor: the same JSON through the same HTTP path,
        // without the store call (./floorPlugin.ts).
        const floor = (i: number) =>
          `/api/bench-floor/replay?path=${encodeURIComponent(
            route.path(context, i),
          )}`;
        targets.floor = {
          ...common,
          url: backend.url,
          token: tokens[route.as],
          request: i => ({ method: 'GET', path: floor(i) }),
        };
        // The ceiling: the floor, and the route's bare SQL in the same
        // process.
        targets.ceiling = {
          ...targets.floor,
          request: i => ({
            method: 'GET',
            path: `${floor(i)}&sql=${route.id}`,
          }),
        };
      }
      for (const tier of tiers) {
        targets[tier] = {
          ...common,
          url: raw.url,
          request: () => ({
            method: route.kind === 'read' ? 'GET' : 'POST',
            path: `/${tier}/${route.id}`,
          }),
        };
      }
      // Backend CPU over the portal's timed runs only.
      let cpu = 0;
      let wall = 0;
      let cpu0 = 0;
      let t0 = 0;
      const measured = await loadInTurn(targets, {
        before: name => {
          if (name !== 'portal') return;
          cpu0 = backend.cpuSeconds();
          t0 = performance.now();
        },
        after: name => {
          if (name !== 'portal') return;
          cpu += backend.cpuSeconds() - cpu0;
          wall += (performance.now() - t0) / 1000;
        },
        // Writes still queued in the backend would hold SQLite's lock.
        drain:
          route.kind === 'write' ? () => waitQuiet(backend, 30) : undefined,
      });
      const { portal, ...rawResults } = measured;
      const requests = portal.requests;
      const result: RouteResult = {
        route: route.id,
        title: route.title,
        db,
        portal,
        raw: rawResults,
        backendCpuPerRequestMs: (cpu * 1000) / Math.max(1, requests),
        backendCpuShare: cpu / wall,
      };
      results.push(result);
      console.log(
        `  ${route.id.padEnd(18)} ${portal.rps
          .toFixed(0)
          .padStart(6)} req/s  p95 ${portal.p95.toFixed(1)} ms  errors ${
          portal.errors
        }  | ${Object.keys(rawResults)
          .map(t => `${t} ${rawResults[t].rps.toFixed(0)} req/s`)
          .join('  ')}`,
      );
    }
  } finally {
    await raw.stop();
  }
  return results;
}

/**
 * `--report a.json,b.json`: the tables of earlier runs as Markdown (for
 * docs/benchmarks.md), runs of different databases or phases merged.
 */
function reportOnly(files: string[]) {
  const reports = files.map(
    f => JSON.parse(fs.readFileSync(f, 'utf8')) as Report,
  );
  const merged: Report = {
    ...reports[0],
    // A later run of the same route and database replaces an earlier one.
    routes: [
      ...new Map(
        reports.flatMap(r => r.routes).map(r => [`${r.route} ${r.db}`, r]),
      ).values(),
    ],
    scaleOut: reports.find(r => r.scaleOut)?.scaleOut,
    frontend:
      reports.find(r => r.frontend?.directory)?.frontend ??
      reports.find(r => r.frontend)?.frontend,
  };
  console.log(printReport(merged, true).text);
}

/**
 * One benchmark at a time: a second one would start its servers on the same
 * ports and make fresh copies of the databases under the first one's feet.
 */
function holdLock() {
  const dir = path.join(BENCH, '.data');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'bench.lock');
  try {
    const holder = Number(fs.readFileSync(file, 'utf8'));
    process.kill(holder, 0);
    throw new Error(
      `Another benchmark is running (process ${holder}); wait for it, or stop it`,
    );
  } catch (error: any) {
    if (error.code !== 'ENOENT' && error.code !== 'ESRCH') throw error;
  }
  fs.writeFileSync(file, String(process.pid));
  process.on('exit', () => fs.rmSync(file, { force: true }));
}

async function main() {
  const reportIndex = process.argv.indexOf('--report');
  if (reportIndex > 0) {
    reportOnly(process.argv[reportIndex + 1].split(','));
    return;
  }
  const options = readOptions();
  holdLock();
  const started = performance.now();
  const report: Report = {
    startedAt: new Date().toISOString(),
    machine: machine(),
    options: {
      scale: options.scale,
      dbs: options.dbs,
      phases: options.phases,
      duration: options.duration,
      runs: options.runs,
      connections: options.connections,
    },
    routes: [],
  };
  console.log(
    `Benchmark (${options.scale.name}): ${options.dbs
      .map(d => DB_LABEL[d])
      .join(' and ')}, ${options.connections} connections, ${options.runs} × ${
      options.duration
    } s per route; ${report.machine.cores} cores, ${report.machine.cpu}`,
  );

  step('Data');
  for (const db of options.dbs) {
    await generate(options, db);
    await prepare(options, db);
  }

  for (const db of options.dbs) {
    const wanted = options.phases.filter(
      p =>
        p === 'load' ||
        (p === 'frontend' && db === 'sqlite') ||
        (p === 'scaleout' && db === 'pg'),
    );
    if (!wanted.length) continue;
    const running = await startRun(options, db);
    try {
      if (wanted.includes('load')) {
        report.routes.push(...(await loadPhase(options, db, running)));
        report.backendPeakMiB = {
          ...report.backendPeakMiB,
          [db]: Math.round(running.backend.peakMemoryMiB()),
        };
      }
      if (wanted.includes('frontend')) {
        step('Frontend: bundle sizes, the directory page in Chromium');
        report.frontend = await frontendPhase(options, running);
      }
      if (wanted.includes('scaleout')) {
        step('Scale-out: one and two replicas on PostgreSQL behind nginx');
        report.scaleOut = await scaleOutPhase(options, running);
      }
    } finally {
      await running.backend.stop();
    }
  }
  if (options.phases.includes('frontend') && !report.frontend) {
    report.frontend = {
      bundles: bundleSizes(),
      error: 'the directory page needs --db sqlite',
    };
  }

  report.seconds = (performance.now() - started) / 1000;
  report.loadAverageEnd = Number(os.loadavg()[0].toFixed(2));
  const { failures, text } = printReport(report);
  console.log(text);
  fs.mkdirSync(options.resultsDir, { recursive: true });
  const file = path.join(
    options.resultsDir,
    `${options.scale.name}-${report.startedAt.replace(/[:.]/g, '-')}.json`,
  );
  fs.writeFileSync(file, JSON.stringify(report, null, 2));
  fs.writeFileSync(
    path.join(options.resultsDir, `latest-${options.scale.name}.json`),
    JSON.stringify(report, null, 2),
  );
  fs.writeFileSync(
    file.replace(/\.json$/, '.md'),
    printReport(report, true).text,
  );
  console.log(`\nResults: ${path.relative(process.cwd(), file)}`);
  if (failures.length) {
    console.log(`\nErrors:\n${failures.map(f => `  - ${f}`).join('\n')}`);
    process.exitCode = 1;
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
