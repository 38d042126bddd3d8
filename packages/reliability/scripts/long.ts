/*
 * The reliability suite's longer runs (./portal test --long):
 *
 * 1. Crash: the backend is killed with SIGKILL in the middle of a stream
 *    of writes (bookings with their slots and history, meetings of a series
 *    with their occurrences), on SQLite and on PostgreSQL; started again on
 *    the same data, every acknowledged record must be there and whole, and
 *    nothing half-written may be left.
 * 2. Database outage (PostgreSQL): a cluster of its own on port 5433
 *    (created here, never the shared one on 5432) is stopped for 10 s under
 *    load; the backend must answer 503 with a clear message meanwhile, never
 *    crash, and serve again within seconds of the database coming back.
 *
 * Prints the figures, writes them to node_modules/.cache/reliability, and
 * ends with "N passed, N failed".
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { booking, meeting } from '../src/authz/requests';
import { dropDatabases, pluginKnex } from '../src/harness/dump';
import { Callers, USERS } from '../src/harness/http';
import { freePort } from '../src/harness/backend';
import { writeResult } from '../src/harness/results';
import { startChild } from '../src/harness/child';

const PG = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
const OUTAGE_PORT = Number(process.env.RELIABILITY_OUTAGE_PORT ?? 5433);
let passed = 0;
let failed = 0;

function check(name: string, ok: boolean, detail: string) {
  if (ok) passed += 1;
  else failed += 1;
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}: ${detail}`);
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/** Writes until stopped: bookings and meeting series, counting acknowledgements. */
function writeStream(callers: Callers, marker: string) {
  const acked = { bookings: new Set<string>(), meetings: new Set<string>() };
  let inFlight = 0;
  let maxInFlight = 0;
  let running = true;
  let n = 0;
  const worker = async (w: number) => {
    while (running) {
      n += 1;
      const i = n;
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        if (w % 2) {
          const res = await callers.send(
            { user: USERS['team-leader'][0] },
            {
              method: 'POST',
              path: '/api/assignments/assignments',
              body: booking({
                title: `${marker} ${i}`,
                unit: 'vgr-sahlgrenska-avd-367',
                slots: [0, 1, 2].map(k => ({
                  start: `${new Date(Date.now() + (60 + (i % 200)) * 86_400_000)
                    .toISOString()
                    .slice(0, 10)}T${String(8 + k * 3).padStart(2, '0')}:00`,
                  end: `${new Date(Date.now() + (60 + (i % 200)) * 86_400_000)
                    .toISOString()
                    .slice(0, 10)}T${String(9 + k * 3).padStart(2, '0')}:00`,
                })),
              }),
            },
          );
          if (res.status === 201) acked.bookings.add(res.json.id);
        } else {
          const res = await callers.send(
            { user: USERS.coordinator[0] },
            {
              method: 'POST',
              path: '/api/network-meetings/meetings',
              body: meeting({
                title: `${marker} ${i}`,
                recurrence: { frequency: 'weekly', interval: 1, count: 4 },
              }),
            },
          );
          if (res.status === 201) acked.meetings.add(res.json.meetingId);
        }
      } catch {
        // the connection went with the process
      } finally {
        inFlight -= 1;
      }
    }
  };
  const workers = [0, 1, 2, 3, 4, 5].map(worker);
  return {
    acked,
    get maxInFlight() {
      return maxInFlight;
    },
    async stop() {
      running = false;
      await Promise.all(workers);
    },
  };
}

async function crashRun(databaseId: 'SQLITE_3' | 'POSTGRES_15') {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-crash-'));
  const prefix = `reliability_crash_${randomBytes(3).toString('hex')}_`;
  const port = await freePort();
  const marker = `Krasch ${randomBytes(3).toString('hex')}`;
  const figures: Record<string, unknown> = {};
  try {
    let child = await startChild(databaseId, port, directory, prefix, PG);
    let callers = new Callers(child.baseUrl);
    for (const u of [USERS['team-leader'][0], USERS.coordinator[0]])
      await callers.token(u);
    const stream = writeStream(callers, marker);
    await sleep(8000);
    child.process.kill('SIGKILL');
    await stream.stop();
    const acked = stream.acked;

    child = await startChild(databaseId, port, directory, prefix, PG);
    callers = new Callers(child.baseUrl);
    const serves = await callers.send(
      { user: USERS.peer[0] },
      { method: 'GET', path: '/api/assignments/summary' },
    );

    // Every record is whole, straight from the tables.
    const as = pluginKnex(databaseId, 'assignments', { directory, prefix }, PG);
    const nm = pluginKnex(
      databaseId,
      'network-meetings',
      { directory, prefix },
      PG,
    );
    try {
      const rows = await as('as_assignments')
        .where('title', 'like', `${marker} %`)
        .select('id');
      const ids = new Set(rows.map(r => r.id));
      const slotless = await as('as_assignments as a')
        .where('a.title', 'like', `${marker} %`)
        .whereNotExists(q =>
          q
            .select(as.raw('1'))
            .from('as_slots as s')
            .whereRaw('s.assignment_id = a.id'),
        )
        .count({ n: '*' });
      const historyless = await as('as_assignments as a')
        .where('a.title', 'like', `${marker} %`)
        .whereNotExists(q =>
          q
            .select(as.raw('1'))
            .from('as_history as h')
            .whereRaw('h.assignment_id = a.id'),
        )
        .count({ n: '*' });
      const slotCounts = await as('as_slots')
        .whereIn('assignment_id', [...ids])
        .groupBy('assignment_id')
        .select('assignment_id', as.raw('count(*) as n'));
      const partialSlots = slotCounts.filter(r => Number(r.n) !== 3).length;
      const meetings = await nm('nm_meetings')
        .where('title', 'like', `${marker} %`)
        .select('id');
      const meetingIds = new Set(meetings.map(m => m.id));
      const occurrences = await nm('nm_occurrences')
        .whereIn('meeting_id', [...meetingIds])
        .groupBy('meeting_id')
        .select('meeting_id', nm.raw('count(*) as n'));
      const partialSeries =
        meetingIds.size - occurrences.filter(o => Number(o.n) === 4).length;
      const lostBookings = [...acked.bookings].filter(
        id => !ids.has(id),
      ).length;
      const lostMeetings = [...acked.meetings].filter(
        id => !meetingIds.has(id),
      ).length;
      const unacked =
        ids.size - acked.bookings.size + meetingIds.size - acked.meetings.size;
      Object.assign(figures, {
        acknowledged: {
          bookings: acked.bookings.size,
          meetings: acked.meetings.size,
        },
        stored: { bookings: ids.size, meetings: meetingIds.size },
        lost: lostBookings + lostMeetings,
        storedNotAcknowledged: unacked,
        inFlightAtMost: stream.maxInFlight,
        withoutSlots: Number(slotless[0].n),
        withoutHistory: Number(historyless[0].n),
        partialSlots,
        partialSeries,
        servesAfterRestart: serves.status,
      });
      check(
        `crash on ${databaseId}`,
        lostBookings + lostMeetings === 0 &&
          Number(slotless[0].n) === 0 &&
          Number(historyless[0].n) === 0 &&
          partialSlots === 0 &&
          partialSeries === 0 &&
          unacked >= 0 &&
          unacked <= stream.maxInFlight &&
          serves.status === 200 &&
          acked.bookings.size + acked.meetings.size > 0,
        JSON.stringify(figures),
      );
    } finally {
      await as.destroy();
      await nm.destroy();
      child.process.kill('SIGTERM');
      await sleep(3000);
      child.process.kill('SIGKILL');
    }
  } finally {
    if (databaseId === 'POSTGRES_15') await dropDatabases(prefix);
    fs.rmSync(directory, { recursive: true, force: true });
  }
  return figures;
}

function pgCluster(action: 'start' | 'stop') {
  execFileSync(
    'pg_ctlcluster',
    ['15', 'outage', action, ...(action === 'stop' ? ['-m', 'fast'] : [])],
    {
      stdio: 'inherit',
    },
  );
}

/** A PostgreSQL cluster of the suite's own on OUTAGE_PORT (never the shared one). */
function ensureOutageCluster(): string | undefined {
  try {
    const list = execFileSync('pg_lsclusters', ['-h']).toString();
    if (!/^15\s+outage\s/m.test(list)) {
      execFileSync(
        'pg_createcluster',
        ['15', 'outage', '-p', String(OUTAGE_PORT)],
        { stdio: 'ignore' },
      );
    }
    if (
      !/^15\s+outage\s+\d+\s+online/m.test(
        execFileSync('pg_lsclusters', ['-h']).toString(),
      )
    ) {
      pgCluster('start');
    }
    execFileSync(
      'su',
      [
        'postgres',
        '-c',
        `psql -q -p ${OUTAGE_PORT} -c "ALTER USER postgres PASSWORD 'postgres'"`,
      ],
      {
        stdio: 'ignore',
      },
    );
    return `postgresql://postgres:postgres@localhost:${OUTAGE_PORT}`;
  } catch (error) {
    console.log(
      `SKIP database outage: no cluster of its own could be made (${error})`,
    );
    return undefined;
  }
}

async function outageRun() {
  const pg = ensureOutageCluster();
  if (!pg) return undefined;
  const prefix = `reliability_outage_${randomBytes(3).toString('hex')}_`;
  const port = await freePort();
  const child = await startChild('POSTGRES_15', port, '', prefix, pg);
  let exited: number | null | undefined;
  child.process.on('exit', code => {
    exited = code;
  });
  const callers = new Callers(child.baseUrl);
  const peer = { user: USERS.peer[0] };
  const teamLeader = { user: USERS['team-leader'][0] };
  await callers.token(peer.user);
  await callers.token(teamLeader.user);
  const answers: Array<{ at: number; status: number; message?: string }> = [];
  let running = true;
  const load = async (w: number) => {
    let i = 0;
    while (running) {
      i += 1;
      const a =
        w % 2
          ? await callers.send(peer, {
              method: 'GET',
              path: '/api/assignments/assignments',
              query: { limit: '5' },
            })
          : await callers.send(teamLeader, {
              method: 'POST',
              path: '/api/assignments/assignments',
              body: booking({
                title: `Avbrott ${w}-${i}`,
                unit: 'vgr-sahlgrenska-avd-367',
              }),
            });
      answers.push({ at: Date.now(), status: a.status, message: a.message });
      await sleep(50);
    }
  };
  const workers = [0, 1, 2, 3].map(load);
  await sleep(3000);
  const down = Date.now();
  pgCluster('stop');
  await sleep(10_000);
  const up = Date.now();
  pgCluster('start');
  // Serving again: the first success after the database is back.
  let recovered: number | undefined;
  const deadline = Date.now() + 60_000;
  while (!recovered && Date.now() < deadline) {
    const a = await callers.send(peer, {
      method: 'GET',
      path: '/api/assignments/summary',
    });
    if (a.status === 200) recovered = Date.now();
    else await sleep(250);
  }
  await sleep(3000);
  running = false;
  await Promise.all(workers);
  const during = answers.filter(a => a.at > down + 500 && a.at < up);
  const statuses: Record<string, number> = {};
  for (const a of during) statuses[a.status] = (statuses[a.status] ?? 0) + 1;
  const fiveHundreds = during.filter(a => a.status === 500).length;
  const noAnswer = during.filter(a => a.status === 0).length;
  const clear = during
    .filter(a => a.status === 503)
    .every(a => /database cannot be reached/.test(String(a.message)));
  const figures = {
    requestsDuringOutage: during.length,
    statusesDuringOutage: statuses,
    secondsToServeAgain: recovered
      ? Math.round((recovered - up) / 100) / 10
      : null,
    crashed: exited !== undefined,
  };
  check(
    'database outage on PostgreSQL',
    exited === undefined &&
      fiveHundreds === 0 &&
      noAnswer === 0 &&
      (statuses[503] ?? 0) > 0 &&
      clear &&
      !!recovered &&
      recovered - up < 30_000,
    JSON.stringify(figures),
  );
  child.process.kill('SIGTERM');
  await sleep(3000);
  child.process.kill('SIGKILL');
  await dropDatabases(prefix, pg).catch(() => undefined);
  // The suite's own cluster is not needed between runs.
  try {
    pgCluster('stop');
  } catch {
    // already stopped
  }
  return figures;
}

async function main() {
  const results: Record<string, unknown> = {};
  results.crashSqlite = await crashRun('SQLITE_3');
  if (PG) {
    results.crashPostgres = await crashRun('POSTGRES_15');
    results.outage = await outageRun();
  } else {
    console.log(
      'SKIP crash and outage on PostgreSQL: BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is not set',
    );
  }
  writeResult('long-runs', results);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch(error => {
  console.error(error);
  console.log(`${passed} passed, ${failed + 1} failed`);
  process.exit(1);
});
