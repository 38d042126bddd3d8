/*
 * Load with autocannon from the harness's own process (the server is
 * another): N connections, no pipelining, a warm-up, then several timed
 * runs; each response's latency is kept to give exact p50/p95/p99.
 */
import autocannon from 'autocannon';

export type LoadRequest = {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  body?: string;
  /** A token for this request only (else the load's own). */
  token?: string;
};

export type RunResult = {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Socket errors, timeouts and answers other than 2xx. */
  errors: number;
  statuses: Record<string, number>;
};

export type LoadResult = RunResult & { runs: RunResult[] };

export type LoadOptions = {
  url: string;
  token?: string;
  connections: number;
  duration: number;
  runs: number;
  warmup?: number;
  /** The i-th request; called once per request sent. */
  request: (i: number) => LoadRequest;
};

const percentile = (sorted: number[], p: number) =>
  sorted.length
    ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
    : NaN;

/** The median (the lower middle one of an even count). */
export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
};

async function once(
  options: LoadOptions,
  duration: number,
  counter: { i: number },
): Promise<RunResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const headers: Record<string, string> = {
    'content-type': 'application/json',
  };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const first = options.request(0);
  let done: (result: autocannon.Result) => void = () => {};
  let failed: (error: Error) => void = () => {};
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    done = resolve;
    failed = reject;
  });
  const instance = autocannon(
    {
      url: options.url,
      connections: options.connections,
      pipelining: 1,
      duration,
      headers,
      requests: [
        {
          method: first.method,
          setupRequest: request => {
            const next = options.request(counter.i++);
            return {
              ...request,
              method: next.method,
              path: next.path,
              body: next.body,
              ...(next.token && {
                headers: {
                  ...request.headers,
                  authorization: `Bearer ${next.token}`,
                },
              }),
            };
          },
        },
      ],
    },
    (error, result) => (error ? failed(error) : done(result)),
  );
  instance.on(
    'response',
    (_client: unknown, statusCode: number, _bytes: number, ms: number) => {
      latencies.push(ms);
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    },
  );
  const result = await finished;
  latencies.sort((a, b) => a - b);
  const non2xx = Object.entries(statuses)
    .filter(([status]) => !status.startsWith('2'))
    .reduce((n, [, c]) => n + c, 0);
  return {
    requests: latencies.length,
    rps: latencies.length / duration,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: result.errors + result.timeouts + non2xx,
    statuses,
  };
}

/** The medians of several runs. */
export function summarize(runs: RunResult[]): LoadResult {
  const statuses: Record<string, number> = {};
  for (const run of runs) {
    for (const [status, n] of Object.entries(run.statuses)) {
      statuses[status] = (statuses[status] ?? 0) + n;
    }
  }
  return {
    requests: runs.reduce((n, r) => n + r.requests, 0),
    rps: median(runs.map(r => r.rps)),
    p50: median(runs.map(r => r.p50)),
    p95: median(runs.map(r => r.p95)),
    p99: median(runs.map(r => r.p99)),
    errors: runs.reduce((n, r) => n + r.errors, 0),
    statuses,
    runs,
  };
}

/**
 * Loads several targets in turn: a warm-up of each, then run 1 of every
 * target, run 2 of every target, and so on, so that what else the shared
 * machine does at a time weighs on all of them alike. `before` and `after`
 * wrap each timed run (the harness reads CPU time there).
 */
export async function loadInTurn(
  targets: Record<string, LoadOptions>,
  hooks: {
    before?: (name: string) => void;
    after?: (name: string, run: RunResult) => void;
    /** After each run, e.g. to let queued writes finish. */
    drain?: () => Promise<void>;
  } = {},
): Promise<Record<string, LoadResult>> {
  const counters = Object.fromEntries(
    Object.keys(targets).map(name => [name, { i: 0 }]),
  );
  const runs: Record<string, RunResult[]> = {};
  for (const [name, options] of Object.entries(targets)) {
    runs[name] = [];
    const warmup = options.warmup ?? 1;
    if (warmup) await once(options, warmup, counters[name]);
    await hooks.drain?.();
  }
  const rounds = Math.max(...Object.values(targets).map(t => t.runs));
  for (let r = 0; r < rounds; r++) {
    for (const [name, options] of Object.entries(targets)) {
      if (r >= options.runs) continue;
      hooks.before?.(name);
      const run = await once(options, options.duration, counters[name]);
      hooks.after?.(name, run);
      runs[name].push(run);
      await hooks.drain?.();
    }
  }
  return Object.fromEntries(
    Object.entries(runs).map(([name, list]) => [name, summarize(list)]),
  );
}

/** Warms up, then runs the load `runs` times; the medians are the result. */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const counter = { i: 0 };
  if (options.warmup ?? 1) await once(options, options.warmup ?? 1, counter);
  const runs: RunResult[] = [];
  for (let r = 0; r < options.runs; r++) {
    runs.push(await once(options, options.duration, counter));
  }
  return summarize(runs);
}
