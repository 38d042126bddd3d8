/*
 * The run's figures: a table on the terminal, the issue's targets checked,
 * and the same as JSON (bench/results/). Targets missed are reported, not
 * failed (a shared machine is noisy); errors fail the run.
 */
import { DB_LABEL, DbKind, machine } from './config';
import type { FrontendResult } from './frontend';
import { seededRandom } from '@internal/plugin-portal-node';
import { LoadResult, median } from './load';
import { ROUTES } from './routes';
import type { ScaleOutResult } from './scaleout';

export type RouteResult = {
  route: string;
  title: string;
  db: DbKind;
  portal: LoadResult;
  /** The raw server's tiers: store, knex, driver. */
  raw: Record<string, LoadResult>;
  /** Backend CPU milliseconds per request during the portal's load. */
  backendCpuPerRequestMs: number;
  /** Backend CPU seconds per wall second (1 = one core busy). */
  backendCpuShare: number;
};

export type Target = {
  what: string;
  value: string;
  goal: string;
  met: boolean;
};

export type Report = {
  startedAt: string;
  seconds?: number;
  machine: ReturnType<typeof machine>;
  options: Record<string, unknown>;
  routes: RouteResult[];
  scaleOut?: ScaleOutResult;
  frontend?: FrontendResult;
  targets?: Target[];
  /** 1-minute load average at the end of the run. */
  loadAverageEnd?: number;
  /** The backend's peak resident memory (VmHWM) after its load phase, MiB. */
  backendPeakMiB?: Partial<Record<DbKind, number>>;
};

function table(header: string[], rows: string[][], markdown = false) {
  if (markdown) {
    const cells = (r: string[]) => `| ${r.map(c => c || ' ').join(' | ')} |`;
    return [
      cells(header),
      `| ${header.map((_h, i) => (i < 2 ? '---' : '--:')).join(' | ')} |`,
      ...rows.map(cells),
    ].join('\n');
  }
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map(r => (r[i] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ');
  return [
    line(header),
    widths.map(w => '-'.repeat(w)).join('  '),
    ...rows.map(line),
  ].join('\n');
}

const f0 = (n?: number | null) =>
  typeof n !== 'number' || isNaN(n) ? '–' : n.toFixed(0);
const f1 = (n?: number | null) =>
  typeof n !== 'number' || isNaN(n) ? '–' : n.toFixed(1);
const f2 = (n?: number | null) =>
  typeof n !== 'number' || isNaN(n) ? '–' : n.toFixed(2);

/** The raw figure a route is compared with: bare Knex for reads, the store call for writes. */
export function rawOf(r: RouteResult) {
  return r.raw.knex ?? r.raw.store;
}

/**
 * The most a route could serve if its store cost nothing beyond the bare
 * Knex replay of its SQL: measured as the floor that also sends the
 * route's SQL on bare Knex, in the backend (./floorPlugin.ts). Results
 * from before that tier existed estimate it from the floor and the raw
 * server's Knex replay, 1 ÷ (1/floor + 1/knex) req/s, which assumes the
 * two costs add up as they do in separate processes.
 */
export function ceilingOf(r: RouteResult): number | undefined {
  if (r.raw.ceiling) return r.raw.ceiling.rps;
  const floor = r.raw.floor?.rps;
  const knex = r.raw.knex?.rps;
  if (!floor || !knex) return undefined;
  return 1 / (1 / floor + 1 / knex);
}

/**
 * How far the median of a few noisy rounds can be trusted: a 95 % bootstrap
 * interval (10,000 resamples of the rounds, seeded, so the same rounds
 * always give the same interval), as "low–high".
 */
export function medianInterval(values: number[]): string | undefined {
  if (values.length < 3) return undefined;
  const random = seededRandom(values.length);
  const medians: number[] = [];
  for (let i = 0; i < 10_000; i++) {
    medians.push(
      median(values.map(() => values[Math.floor(random() * values.length)])),
    );
  }
  medians.sort((a, b) => a - b);
  return `${f2(medians[250])}–${f2(medians[9_749])}`;
}

function targets(report: Report): Target[] {
  const out: Target[] = [];
  const find = (id: string, db: DbKind) =>
    report.routes.find(r => r.route === id && r.db === db);
  for (const r of report.routes) {
    const route = ROUTES.find(x => x.id === r.route);
    if (route?.target) {
      out.push({
        what: `${r.route} on ${DB_LABEL[r.db]}: p95`,
        value: `${f1(r.portal.p95)} ms${
          r.raw.ceiling
            ? ` (framework ceiling ${f1(r.raw.ceiling.p95)} ms)`
            : ''
        }`,
        goal: '< 20 ms',
        met: r.portal.p95 < 20,
      });
      const raw = rawOf(r);
      const ceiling = ceilingOf(r);
      out.push({
        what: `${r.route} on ${DB_LABEL[r.db]}: ÷ raw (Knex)`,
        value: `${f2(r.portal.rps / raw.rps)}${
          ceiling ? ` (framework ceiling ${f2(ceiling / raw.rps)})` : ''
        }`,
        goal: '≥ 0.50',
        met: r.portal.rps / raw.rps >= 0.5,
      });
    }
    if (r.route.startsWith('metrics-')) {
      out.push({
        what: `${r.route} on ${DB_LABEL[r.db]}: p95`,
        value: `${f1(r.portal.p95)} ms`,
        goal: '< 100 ms',
        met: r.portal.p95 < 100,
      });
    }
  }
  for (const db of ['sqlite', 'pg'] as DbKind[]) {
    const board = find('board-first', db);
    const bazaar = find('bazaar-list', db);
    if (board && bazaar) {
      out.push({
        what: `board listing 50 of 100,000 ÷ Bazaar listing 50 of 10,000 on ${DB_LABEL[db]}`,
        value: `${f2(board.portal.rps / bazaar.portal.rps)}${
          ceilingOf(board)
            ? ` (framework ceiling ${f2(
                ceilingOf(board)! / bazaar.portal.rps,
              )})`
            : ''
        }`,
        goal: '≥ 2',
        met: board.portal.rps / bazaar.portal.rps >= 2,
      });
    }
  }
  if (report.scaleOut?.throughput) {
    const t = report.scaleOut.throughput;
    const interval = (rounds: number[]) => {
      const range = medianInterval(rounds);
      return range ? ` (95 % interval of the median ${range})` : '';
    };
    out.push({
      what: 'two replicas: requests per backend CPU-second ÷ one replica',
      value: `${f2(t.efficiency)}${
        t.busyEfficiency
          ? ` (net of each replica's idle CPU: ${f2(t.busyEfficiency)})`
          : ''
      }${
        t.roundEfficiencies && t.roundEfficiencies.length > 1
          ? `, median of ${t.roundEfficiencies.length} rounds${interval(
              t.roundEfficiencies,
            )}: ${t.roundEfficiencies.map(f2).join(', ')}`
          : ''
      }${
        t.control
          ? `; the bare store server in the same experiment: ${f2(
              t.control.efficiency,
            )}${interval(t.control.roundEfficiencies ?? [])} (rounds: ${(
              t.control.roundEfficiencies ?? []
            )
              .map(f2)
              .join(', ')})`
          : ''
      }`,
      goal: '≥ 0.90',
      met: t.efficiency >= 0.9,
    });
  }
  const errors = report.routes.reduce((n, r) => n + r.portal.errors, 0);
  out.push({
    what: 'errors in the portal routes',
    value: String(errors),
    goal: '0',
    met: errors === 0,
  });
  return out;
}

/** Prints the tables; returns what failed outright (errors, broken proofs). */
export function printReport(
  report: Report,
  markdown = false,
): { failures: string[]; text: string } {
  const failures: string[] = [];
  const lines: string[] = [];
  const out = (text = '') => lines.push(text);
  const tableOf = (header: string[], rows: string[][]) =>
    table(header, rows, markdown);
  if (report.routes.length) {
    out(
      `\nRoutes: median of ${report.options.runs} runs of ${report.options.duration} s, ${report.options.connections} connections, no pipelining (latencies in ms)\n`,
    );
    const rows = report.routes.map(r => {
      const raw = rawOf(r);
      return [
        r.route,
        DB_LABEL[r.db],
        f0(r.portal.rps),
        f1(r.portal.p50),
        f1(r.portal.p95),
        f1(r.portal.p99),
        String(r.portal.errors),
        f0(r.raw.store?.rps),
        f0(r.raw.knex?.rps),
        f0(r.raw.driver?.rps),
        f2(r.portal.rps / raw.rps),
        f0(r.raw.floor?.rps),
        f0(ceilingOf(r)),
        f2((ceilingOf(r) ?? NaN) / raw.rps),
        f2(r.backendCpuPerRequestMs),
      ];
    });
    out(
      tableOf(
        [
          'route',
          'db',
          'req/s',
          'p50',
          'p95',
          'p99',
          'errors',
          'store req/s',
          'knex req/s',
          'driver req/s',
          '÷ raw',
          'floor req/s',
          'ceiling req/s',
          'ceiling ÷ raw',
          'CPU ms/req',
        ],
        rows,
      ),
    );
    out(
      "\n÷ raw: the portal's req/s ÷ the bare Knex replay of the same SQL (for writes: ÷ the store call in a bare server). floor: the same JSON through Backstage's HTTP path, token, user info and permission decisions, without the store call. ceiling: the floor that also sends the route's SQL as bare Knex calls, in the backend: what the route would reach if its store cost nothing beyond its bare SQL (in results without it, estimated as 1 ÷ (1/floor + 1/knex)); ceiling ÷ raw: the ceiling ÷ the bare Knex replay.",
    );
    const both = report.routes.filter(r => r.db === 'sqlite');
    const side = both
      .map(s => [
        s,
        report.routes.find(p => p.route === s.route && p.db === 'pg'),
      ])
      .filter(([, p]) => p) as RouteResult[][];
    if (side.length) {
      out('\nSQLite against PostgreSQL (req/s)\n');
      out(
        tableOf(
          ['route', '', 'SQLite', 'PostgreSQL', 'SQLite ÷ PostgreSQL'],
          side.map(([s, p]) => [
            s.route,
            '',
            f0(s.portal.rps),
            f0(p.portal.rps),
            f2(s.portal.rps / p.portal.rps),
          ]),
        ),
      );
    }
    for (const r of report.routes) {
      if (r.portal.errors) {
        failures.push(
          `${r.route} on ${DB_LABEL[r.db]}: ${
            r.portal.errors
          } errors (${JSON.stringify(r.portal.statuses)})`,
        );
      }
      for (const [tier, result] of Object.entries(r.raw)) {
        if (result.errors) {
          failures.push(
            `raw ${tier} ${r.route} on ${DB_LABEL[r.db]}: ${
              result.errors
            } errors`,
          );
        }
      }
    }
  }
  if (report.scaleOut) {
    const s = report.scaleOut;
    if (s.throughput) {
      const setups = [
        ...s.throughput.setups,
        ...(s.throughput.control?.setups ?? []),
      ];
      out('\nScale-out on PostgreSQL behind nginx\n');
      out(
        tableOf(
          [
            'setup',
            '',
            'req/s',
            'p95',
            'errors',
            'server CPU s',
            'req per CPU-s',
            'idle CPU s/s',
            'req per CPU-s net of idle',
            'req per CPU-s, each round',
          ],
          setups.map(x => [
            x.name,
            '',
            f0(x.rps),
            f1(x.p95),
            String(x.errors),
            x.cpuSeconds.map(c => c.toFixed(1)).join(' + '),
            f0(x.requestsPerCpuSecond),
            (x.idleCpuShare ?? []).map(c => c.toFixed(2)).join(' + ') || '–',
            f0(x.requestsPerBusyCpuSecond),
            (x.rounds ?? []).map(f0).join(', ') || '–',
          ]),
        ),
      );
      for (const x of setups) {
        if (x.errors) failures.push(`scale-out ${x.name}: ${x.errors} errors`);
      }
    }
    out('\nScale-out proofs\n');
    for (const p of s.proofs) {
      out(`  ${p.ok ? 'ok  ' : 'FAIL'} ${p.name}: ${p.detail}`);
      if (!p.ok)
        failures.push(`scale-out proof failed: ${p.name}: ${p.detail}`);
    }
  }
  if (report.frontend) {
    const fe = report.frontend;
    out('\nFrontend (production build)\n');
    out(
      tableOf(
        ['chunks', 'files', 'bytes', 'gzip bytes'],
        fe.bundles.map(b => [
          b.name,
          b.files.length > 3 ? `${b.files.length} files` : b.files.join(' '),
          String(b.bytes),
          String(b.gzipBytes),
        ]),
      ),
    );
    if (fe.directory) {
      out(
        `\n  Directory page with ${
          fe.directory.profiles
        } profiles, first results shown: median ${f0(
          fe.directory.medianMs,
        )} ms (cold loads: ${fe.directory.loadsMs.map(f0).join(', ')} ms)`,
      );
    }
    if (fe.skipped) out(`\n  Directory page not measured: ${fe.skipped}`);
    if (fe.error) failures.push(`frontend: ${fe.error}`);
  }
  out(
    `\nMachine: ${report.machine.cores} cores (${report.machine.cpu}), ${
      report.machine.memoryGiB
    } GiB, Node ${report.machine.node}; load average ${
      report.machine.loadAverage
    } at the start, ${report.loadAverageEnd ?? '–'} at the end`,
  );
  const peaks = Object.entries(report.backendPeakMiB ?? {});
  if (peaks.length) {
    out(
      `Backend's peak resident memory after its load phase (VmHWM): ${peaks
        .map(([db, mib]) => `${DB_LABEL[db as DbKind]} ${mib} MiB`)
        .join(', ')}`,
    );
  }
  report.targets = targets(report);
  out('\nTargets\n');
  for (const t of report.targets) {
    out(
      `  ${t.met ? 'met   ' : 'MISSED'} ${t.what}: ${t.value} (goal ${t.goal})`,
    );
  }
  return { failures, text: lines.join('\n') };
}
