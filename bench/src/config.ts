/*
 * What a benchmark run is: its scale, the databases, the ports and where
 * its data and results live. Everything here is read from the command line.
 */
import os from 'node:os';
import path from 'node:path';

/** The repository: the bench runs from its source, never from a build. */
export const ROOT = path.resolve(process.cwd(), '..');
export const BENCH = path.join(ROOT, 'bench');

/** The database kinds the harness runs the backend on. */
export type DbKind = 'sqlite' | 'pg';
export const DB_LABEL: Record<DbKind, string> = {
  sqlite: 'SQLite',
  pg: 'PostgreSQL',
};

/** How much data each plugin gets. */
export type Scale = {
  name: 'full' | 'smoke';
  profiles: number;
  assignments: number;
  interestsPerAssignment: number;
  meetings: number;
  answers: number;
  facts: number;
  bazaarProjects: number;
};

export const SCALES: Record<Scale['name'], Scale> = {
  full: {
    name: 'full',
    profiles: 10_000,
    assignments: 100_000,
    interestsPerAssignment: 3,
    meetings: 2_000,
    answers: 50_000,
    facts: 1_000_000,
    bazaarProjects: 10_000,
  },
  smoke: {
    name: 'smoke',
    profiles: 200,
    assignments: 1_000,
    interestsPerAssignment: 3,
    meetings: 60,
    answers: 600,
    facts: 5_000,
    bazaarProjects: 200,
  },
};

/** The phases of a run, in the order they run. */
export const PHASES = ['load', 'scaleout', 'frontend'] as const;
export type Phase = (typeof PHASES)[number];

export type Options = {
  scale: Scale;
  dbs: DbKind[];
  phases: Phase[];
  /** Seconds of load per run of a route. */
  duration: number;
  /** Runs per route (the median is reported). */
  runs: number;
  connections: number;
  /** Regenerate the data even if it is there. */
  fresh: boolean;
  /** Only these routes (ids), or all. */
  routes?: string[];
  /** Start the backend and the raw server with --cpu-prof (profiles in the results folder). */
  cpuProf: boolean;
  pgUrl?: string;
  /** The first of the harness's ports (backend, raw server, replicas...). */
  basePort: number;
  nginxPort: number;
  dataDir: string;
  resultsDir: string;
  chromium: string;
};

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

const USAGE = `yarn bench [options]   (also ./portal bench)

  --smoke                tiny data and about a second of load per route (./portal test runs this)
  --db sqlite,pg         databases to run on (default: both; pg needs
                         BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING)
  --only load,scaleout,frontend
                         phases to run (default: all)
  --routes id,id         only these routes (see the table for the ids)
  --duration 5           seconds of load per run       --runs 3   runs per route
  --connections 16       concurrent connections (no pipelining)
  --fresh                make the data again (it is kept in bench/.data between runs)
  --cpu-prof             write V8 CPU profiles of the backend and the raw server
                         to the results folder (cpu-profiles/)
  --port 7103            first port of the harness (it uses seven from there)
  --nginx-port 7110      ports of nginx in the scale-out phase (this one and the next)
  --report a.json,b.json the tables of earlier runs (bench/results/) as Markdown
`;

/** The load phase's raw server listens next to the backend. */
export const rawServerPort = (options: Options) => options.basePort + 1;

export function readOptions(): Options {
  if (process.argv.includes('--help')) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  const smoke = process.argv.includes('--smoke');
  const scale = SCALES[smoke ? 'smoke' : 'full'];
  const pgUrl =
    process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING?.replace(
      /\/$/,
      '',
    );
  const requested = (arg('db') ?? 'sqlite,pg').split(',') as DbKind[];
  const dbs = requested.filter(d => d === 'sqlite' || (d === 'pg' && pgUrl));
  if (requested.includes('pg') && !pgUrl) {
    process.stdout.write(
      'PostgreSQL: not configured (set BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING); SQLite only\n',
    );
  }
  const phases = (arg('only') ?? PHASES.join(','))
    .split(',')
    .filter((p): p is Phase => (PHASES as readonly string[]).includes(p));
  return {
    scale,
    dbs,
    phases,
    duration: Number(arg('duration') ?? (smoke ? 1 : 5)),
    runs: Number(arg('runs') ?? (smoke ? 1 : 3)),
    connections: Number(arg('connections') ?? 16),
    fresh: process.argv.includes('--fresh'),
    routes: arg('routes')?.split(','),
    cpuProf: process.argv.includes('--cpu-prof'),
    pgUrl,
    basePort: Number(arg('port') ?? 7103),
    nginxPort: Number(arg('nginx-port') ?? 7110),
    dataDir: path.join(BENCH, '.data', scale.name),
    resultsDir: path.join(BENCH, 'results'),
    chromium: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  };
}

/** One line about the machine, for the report. */
export function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    /** 1-minute load average when the run started (other work on the machine). */
    loadAverage: Number(os.loadavg()[0].toFixed(2)),
  };
}

/** The Backstage database names: `${prefix}${pluginId}` on PostgreSQL. */
export const pgPrefix = (scale: Scale, kind: 'data' | 'run') =>
  `bench_${scale.name}_${kind}_`;
