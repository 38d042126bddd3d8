/*
 * Scale-out: the portal's backend as one and as two replicas on one
 * PostgreSQL behind nginx (Debian's), throughput and requests per backend
 * CPU-second; then the proofs that replicas are safe:
 *   (a) the meeting reminders (a global scheduled task) run once,
 *   (b) a notification made through one replica reaches, live, a user
 *       connected to the other,
 *   (c) concurrent RSVPs and selections split across both never overbook,
 *   (d) replicas × plugin databases × pool max < max_connections.
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DateTime } from 'luxon';
import WebSocket from 'ws';
import { Options, rawServerPort } from './config';
import { api, discoverContext, warmUp } from './context';
import { runDatabases, withAdmin } from './databases';
import { LoadRequest, load, median } from './load';
import { ROUTES, USERS, booking } from './routes';
import {
  BENCH_PEERS,
  ServerProcess,
  own,
  productionPool,
  benchPeer,
  signIn,
  startBackend,
  startRawServer,
  waitQuiet,
} from './server';

export type ScaleOutSetup = {
  name: string;
  rps: number;
  p95: number;
  errors: number;
  requests: number;
  cpuSeconds: number[];
  requestsPerCpuSecond: number;
  /**
   * Each replica's CPU seconds per wall second with no load (its own
   * background work: the catalog's loop, the event bus, the scheduler),
   * measured just before the load.
   */
  idleCpuShare: number[];
  /** Requests per CPU-second net of that idle work over the load's time. */
  requestsPerBusyCpuSecond: number;
  /**
   * Requests per CPU-second in each round. The setup's figures above are
   * all its rounds together (its median round's in the runs of 7 December
   * 2026 with three rounds). Absent in runs before 7 December 2026.
   */
  rounds?: number[];
};

export type Proof = { name: string; ok: boolean; detail: string };

export type ScaleOutThroughput = {
  setups: ScaleOutSetup[];
  /**
   * Two servers' requests per CPU-second ÷ one server's: the median of the
   * rounds' ratios (each round measures one, then two, or the other way).
   */
  efficiency: number;
  /** The same, net of each server's idle CPU. */
  busyEfficiency: number;
  /** Each round's ratio. Absent in runs before 7 December 2026. */
  roundEfficiencies?: number[];
};

export type ScaleOutResult = {
  throughput?: ScaleOutThroughput & {
    routes: string[];
    /**
     * The same experiment on the bare store server (bench/src/rawServer.ts):
     * what two processes lose on this machine without the portal. Absent in
     * runs before 7 December 2026.
     */
    control?: ScaleOutThroughput;
  };
  proofs: Proof[];
  error?: string;
};

/** The read routes of the mixed load, in turn. */
const MIX = ['directory-search', 'board-first', 'board-deep', 'meetings-month'];

function nginxConfig(options: Options, ports: number[]) {
  const dir = path.join(options.dataDir, 'nginx');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'nginx.conf');
  fs.writeFileSync(
    file,
    `# Written by bench/src/scaleout.ts
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream portal {
${ports.map(p => `    server 127.0.0.1:${p};`).join('\n')}
    keepalive 64;
  }
  upstream solo {
    server 127.0.0.1:${ports[0]};
    keepalive 64;
  }
  map $http_upgrade $connection_upgrade { default upgrade; '' ''; }
${[
  [options.nginxPort, 'portal'],
  [options.nginxPort + 1, 'solo'],
]
  .map(
    ([port, upstream]) => `  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://${upstream};
      proxy_http_version 1.1;
      proxy_set_header Host $host;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_read_timeout 300s;
    }
  }`,
  )
  .join('\n')}
}
`,
  );
  return file;
}

async function startNginx(options: Options, ports: number[]) {
  const config = nginxConfig(options, ports);
  const child: ChildProcess = own(
    spawn('nginx', ['-c', config], { stdio: ['ignore', 'ignore', 'inherit'] }),
  );
  const url = `http://localhost:${options.nginxPort}`;
  for (let i = 0; i < 40; i++) {
    try {
      await fetch(`${url}/.backstage/health/v1/readiness`);
      return {
        child,
        url,
        /** The first replica alone, whatever the upstream has. */
        soloUrl: `http://localhost:${options.nginxPort + 1}`,
      };
    } catch {
      await sleep(250);
    }
  }
  throw new Error('nginx did not start');
}

async function stopNginx(nginx?: { child: ChildProcess }) {
  if (!nginx || nginx.child.exitCode !== null) return;
  const exited = new Promise(resolve => nginx.child.once('exit', resolve));
  nginx.child.kill('SIGQUIT');
  await Promise.race([exited, sleep(10_000)]);
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** Requests per CPU-second, net of `idleCpuSeconds` when given. */
const perCpuSecond = (
  requests: number,
  cpuSeconds: number,
  idleCpuSeconds = 0,
) => requests / Math.max(cpuSeconds - idleCpuSeconds, 0.001);

/** One timed window of the mixed load: its requests and the replicas' CPU. */
type Window = {
  rps: number;
  p95: number;
  errors: number;
  requests: number;
  cpuSeconds: number[];
};

/** The i-th request of the mixed read load through the portal. */
function portalRequest(
  tokens: Record<string, string>,
  context: Awaited<ReturnType<typeof discoverContext>>,
) {
  const routes = MIX.map(id => ROUTES.find(r => r.id === id)!);
  return (i: number): LoadRequest => {
    const route = routes[i % routes.length];
    return {
      method: route.method,
      path: route.path(context, i),
      token: tokens[route.as],
    };
  };
}

/** The same mix on the bare store server: each route's store call alone. */
const storeRequest = (i: number): LoadRequest => ({
  method: 'GET',
  path: `/store/${MIX[i % MIX.length]}`,
});

type Mix = (i: number) => LoadRequest;

/** The mixed load on `url` for `seconds`, timed or not. */
function mixedLoad(
  options: Options,
  url: string,
  request: Mix,
  seconds: number,
) {
  return load({
    url,
    connections: options.connections,
    duration: seconds,
    runs: 1,
    warmup: 0,
    request,
  });
}

async function measureWindow(
  options: Options,
  url: string,
  replicas: ServerProcess[],
  request: Mix,
  sampleConnections: (() => Promise<void>) | undefined,
  settleSeconds: number,
): Promise<Window> {
  // Untimed first, so that the window starts with every connection busy
  // and the previous setup's requests have drained.
  await mixedLoad(options, url, request, settleSeconds);
  const cpu0 = replicas.map(r => r.cpuSeconds());
  let sampling = true;
  const sampler = (async () => {
    while (sampling && sampleConnections) {
      await sampleConnections();
      await sleep(500);
    }
  })();
  const result = await mixedLoad(options, url, request, options.duration);
  sampling = false;
  await sampler;
  return {
    rps: result.rps,
    p95: result.p95,
    errors: result.errors,
    requests: result.requests,
    cpuSeconds: replicas.map((r, i) => r.cpuSeconds() - cpu0[i]),
  };
}

/** A setup's figures over all its windows. */
function setupOf(
  name: string,
  windows: Window[],
  idleCpuShare: number[],
  seconds: number,
): ScaleOutSetup & { rounds: number[] } {
  const requests = sum(windows.map(w => w.requests));
  const cpuSeconds = idleCpuShare.map((_, i) =>
    sum(windows.map(w => w.cpuSeconds[i])),
  );
  const total = sum(cpuSeconds);
  const idle = sum(idleCpuShare) * seconds;
  return {
    name,
    rps: median(windows.map(w => w.rps)),
    p95: median(windows.map(w => w.p95)),
    errors: sum(windows.map(w => w.errors)),
    requests,
    cpuSeconds,
    requestsPerCpuSecond: perCpuSecond(requests, total),
    idleCpuShare,
    requestsPerBusyCpuSecond: perCpuSecond(requests, total, idle),
    rounds: windows.map(w => perCpuSecond(w.requests, sum(w.cpuSeconds))),
  };
}

/** Meeting of `capacity` places in a few days; returns its id. */
async function createMeeting(
  url: string,
  token: string,
  title: string,
  days: number,
  capacity: number | null,
) {
  const day = DateTime.now()
    .setZone('Europe/Stockholm')
    .plus({ days })
    .toISODate();
  const res = await api<{ id: string }>(
    url,
    token,
    '/api/network-meetings/meetings',
    {
      method: 'POST',
      body: {
        title,
        kind: 'network-meeting',
        place: 'Recovery College, Jönköping',
        audience: 'everyone',
        capacity,
        start: `${day}T18:00`,
        end: `${day}T20:00`,
      },
    },
  );
  if (res.status !== 201) throw new Error(`meeting: HTTP ${res.status}`);
  return res.body.id;
}

type Notification = { payload: { title: string } };

async function notificationsOf(url: string, token: string, title: string) {
  const res = await api<{ notifications: Notification[] }>(
    url,
    token,
    `/api/notifications/notifications?limit=100&search=${encodeURIComponent(
      title,
    )}`,
  );
  return (res.body.notifications ?? []).filter(n =>
    n.payload.title.includes(title),
  ).length;
}

/** (a) The reminders task triggered on both replicas at once runs once. */
async function proveRemindersOnce(
  a: ServerProcess,
  b: ServerProcess,
  tokens: Record<string, string>,
  peers: string[],
): Promise<Proof> {
  const name = '(a) meeting reminders run once across replicas';
  const title = `Skalningsprov påminnelse ${Date.now()}`;
  const id = await createMeeting(a.url, tokens.coordinator, title, 3, null);
  const attendees = peers.slice(0, 10);
  for (let i = 0; i < attendees.length; i++) {
    const via = i % 2 ? b : a;
    await api(
      via.url,
      attendees[i],
      `/api/network-meetings/meetings/${id}/rsvp`,
      {
        method: 'PUT',
        body: { answer: 'yes' },
      },
    );
  }
  const trigger = (s: ServerProcess) =>
    api(
      s.url,
      tokens.coordinator,
      '/api/network-meetings/.backstage/scheduler/v1/tasks/network-meetings-reminders/trigger',
      { method: 'POST' },
    );
  const triggers = await Promise.all([
    trigger(a),
    trigger(b),
    trigger(a),
    trigger(b),
  ]);
  const counts: number[] = [];
  for (let wait = 0; wait < 30; wait++) {
    await sleep(1000);
    counts.length = 0;
    for (const token of attendees) {
      counts.push(await notificationsOf(b.url, token, `Om en vecka: ${title}`));
    }
    if (counts.every(c => c >= 1)) break;
  }
  await sleep(6000);
  counts.length = 0;
  for (const token of attendees) {
    counts.push(await notificationsOf(a.url, token, `Om en vecka: ${title}`));
  }
  const logs = [a, b].map(
    s =>
      (
        fs.readFileSync(s.log, 'utf8').match(/Sent \d+ meeting reminders/g) ??
        []
      ).length,
  );
  return {
    name,
    ok: counts.every(c => c === 1),
    detail: `task triggered 4 times on both replicas (HTTP ${triggers
      .map(t => t.status)
      .join(', ')}); reminders per attendee: ${counts.join(
      ' ',
    )} (exactly 1 each expected); runs that sent reminders, per replica: ${logs.join(
      ' and ',
    )}`,
  };
}

/** (b) A notification made through A reaches a user connected to B. */
async function proveNotificationAcross(
  a: ServerProcess,
  b: ServerProcess,
  tokens: Record<string, string>,
): Promise<Proof> {
  const name =
    '(b) a notification made through one replica reaches a user on the other';
  const received: string[] = [];
  let ws: WebSocket | undefined;
  for (let attempt = 0; attempt < 10 && !ws; attempt++) {
    ws = await new Promise<WebSocket | undefined>(resolve => {
      // The first upgrade only registers the signals plugin's handler (as
      // in the browser, the client tries again).
      const socket = new WebSocket(
        `${b.url.replace('http', 'ws')}/api/signals`,
        tokens.coordinator,
        { handshakeTimeout: 2000 },
      );
      socket.once('open', () => resolve(socket));
      socket.once('error', () => resolve(undefined));
      socket.once('unexpected-response', () => resolve(undefined));
    });
    if (!ws) await sleep(500);
  }
  if (!ws)
    return {
      name,
      ok: false,
      detail: 'could not open the signals WebSocket on B',
    };
  ws.on('message', data => received.push(String(data)));
  ws.send(JSON.stringify({ action: 'subscribe', channel: 'notifications' }));
  await sleep(500);
  // A staff member's booking waits for review: the coordinators are told.
  const title = `Skalningsprov bokning ${Date.now()}`;
  const context = {
    deepCursor: '',
    answerable: [],
    today: DateTime.now().setZone('Europe/Stockholm').toISODate()!,
  };
  const created = await api(
    a.url,
    tokens.staff,
    '/api/assignments/assignments',
    {
      method: 'POST',
      body: { ...booking(context, 1), title, unit: 'vgr-sahlgrenska-avd-367' },
    },
  );
  const started = Date.now();
  let live = false;
  while (Date.now() - started < 15_000 && !live) {
    await sleep(200);
    live = received.some(m => m.includes('notifications'));
  }
  const ms = Date.now() - started;
  ws.close();
  const stored = await notificationsOf(b.url, tokens.coordinator, title);
  return {
    name,
    ok: created.status === 201 && live && stored === 1,
    detail: `booking through A: HTTP ${
      created.status
    }; signal on B's WebSocket: ${
      live ? `after ${ms} ms` : 'none in 15 s'
    }; the coordinator's notifications read through B: ${stored}`,
  };
}

/** (c) RSVPs and selections split across both replicas never overbook. */
async function proveNoOverbooking(
  a: ServerProcess,
  b: ServerProcess,
  tokens: Record<string, string>,
  peers: string[],
  peerRefs: string[],
): Promise<Proof[]> {
  const proofs: Proof[] = [];
  // 100 yeses at once for 20 places.
  const title = `Skalningsprov RSVP ${Date.now()}`;
  const id = await createMeeting(a.url, tokens.coordinator, title, 20, 20);
  const answers = await Promise.all(
    peers.slice(0, 100).map((token, i) =>
      api(
        i % 2 ? b.url : a.url,
        token,
        `/api/network-meetings/meetings/${id}/rsvp`,
        {
          method: 'PUT',
          body: { answer: 'yes' },
        },
      ),
    ),
  );
  const meeting = await api<{ confirmedCount: number; waitlistCount: number }>(
    b.url,
    tokens.coordinator,
    `/api/network-meetings/meetings/${id}`,
  );
  const failed = answers.filter(r => r.status !== 200).length;
  proofs.push({
    name: '(c) 100 simultaneous yeses for 20 places, split across replicas',
    ok:
      failed === 0 &&
      meeting.body.confirmedCount === 20 &&
      meeting.body.waitlistCount === 80,
    detail: `confirmed ${meeting.body.confirmedCount}, waitlisted ${meeting.body.waitlistCount} (20 and 80 expected); answers not 200: ${failed}`,
  });

  // 50 selections at once for 2 places.
  const context = {
    deepCursor: '',
    answerable: [],
    today: DateTime.now().setZone('Europe/Stockholm').toISODate()!,
  };
  const created = await api<{ id: string }>(
    a.url,
    tokens.teamLeader,
    '/api/assignments/assignments',
    {
      method: 'POST',
      body: {
        ...booking(context, 7),
        title: `Skalningsprov urval ${Date.now()}`,
        peersWanted: 2,
      },
    },
  );
  const assignment = created.body.id;
  const interested = peers.slice(0, 50);
  const interests = await Promise.all(
    interested.map((token, i) =>
      api(
        i % 2 ? b.url : a.url,
        token,
        `/api/assignments/assignments/${assignment}/interest`,
        {
          method: 'POST',
          body: {},
        },
      ),
    ),
  );
  const selections = await Promise.all(
    peerRefs.slice(0, 50).map((userRef, i) =>
      api(
        i % 2 ? b.url : a.url,
        tokens.coordinator,
        `/api/assignments/assignments/${assignment}/selection`,
        {
          method: 'POST',
          body: { userRef },
        },
      ),
    ),
  );
  const ok = selections.filter(r => r.status === 200).length;
  const conflicts = selections.filter(r => r.status === 409).length;
  const details = await api<{
    selected?: unknown[];
    interests: Array<{ status: string }>;
  }>(b.url, tokens.coordinator, `/api/assignments/assignments/${assignment}`);
  const selected = (details.body.interests ?? []).filter(
    i => i.status === 'selected',
  ).length;
  proofs.push({
    name: '(c) 50 simultaneous selections for 2 places, split across replicas',
    ok: ok === 2 && conflicts === 48 && selected === 2,
    detail: `interest shown: ${
      interests.filter(r => r.status === 201).length
    }/50; selections 200: ${ok}, 409: ${conflicts}, other: ${
      50 - ok - conflicts
    } (2 and 48 expected); selected in the assignment: ${selected}`,
  });
  return proofs;
}

/**
 * One server and two behind nginx, measured in short windows in
 * alternation. This shared machine's speed drifts from one minute to the
 * next (the same replica's requests per CPU-second moved by half between
 * windows 30 s apart), so each round measures both setups, the order
 * flipping every round so that a steady drift favours neither, and the
 * result is the median of the rounds' ratios. Both setups stay up behind
 * one nginx (two ports), so switching costs nothing. Both servers are
 * warmed up first: one that has just started spends CPU compiling its hot
 * code.
 */
async function alternate(
  options: Options,
  nginx: { url: string; soloUrl: string },
  servers: ServerProcess[],
  request: Mix,
  sampleConnections: (() => Promise<void>) | undefined,
  names: [string, string],
): Promise<ScaleOutThroughput> {
  const smoke = options.scale.name === 'smoke';
  const rounds = smoke ? 1 : 9;
  const settle = smoke ? 0.5 : 2;
  const setups = {
    one: { url: nginx.soloUrl, servers: servers.slice(0, 1) },
    two: { url: nginx.url, servers },
  };
  await mixedLoad(options, setups.two.url, request, smoke ? 2 : 60);
  await mixedLoad(options, setups.one.url, request, smoke ? 1 : 10);
  const idleSeconds = smoke ? 1 : 10;
  const idle0 = servers.map(r => r.cpuSeconds());
  await sleep(idleSeconds * 1000);
  const idle = servers.map((r, i) => (r.cpuSeconds() - idle0[i]) / idleSeconds);
  const windows: Record<'one' | 'two', Window[]> = { one: [], two: [] };
  for (let round = 0; round < rounds; round++) {
    console.log(`    round ${round + 1} of ${rounds}`);
    const order =
      round % 2 ? (['two', 'one'] as const) : (['one', 'two'] as const);
    for (const setup of order) {
      windows[setup].push(
        await measureWindow(
          options,
          setups[setup].url,
          setups[setup].servers,
          request,
          sampleConnections,
          settle,
        ),
      );
    }
  }
  const seconds = rounds * options.duration;
  const idleOne = idle.slice(0, 1);
  const one = setupOf(names[0], windows.one, idleOne, seconds);
  const two = setupOf(names[1], windows.two, idle, seconds);
  const perBusyCpu = (w: Window, idleShare: number[]) =>
    perCpuSecond(
      w.requests,
      sum(w.cpuSeconds),
      sum(idleShare) * options.duration,
    );
  // Each round's requests per CPU-second are the setups' `rounds`.
  const ratios = one.rounds.map((r, i) => two.rounds[i] / r);
  const busyRatios = windows.one.map(
    (w, i) => perBusyCpu(windows.two[i], idle) / perBusyCpu(w, idleOne),
  );
  return {
    setups: [one, two],
    efficiency: median(ratios),
    busyEfficiency: median(busyRatios),
    roundEfficiencies: ratios,
  };
}

export async function scaleOutPhase(
  options: Options,
  running: { backend: ServerProcess },
): Promise<ScaleOutResult> {
  const result: ScaleOutResult = { proofs: [] };
  // Replica A is the load phase's backend; B starts on the same databases.
  const ports = [options.basePort, options.basePort + 2];
  const nginxUrl = `http://localhost:${options.nginxPort}`;
  let nginx: Awaited<ReturnType<typeof startNginx>> | undefined;
  const replicas: ServerProcess[] = [];
  const raws: ServerProcess[] = [];
  try {
    replicas.push(running.backend);
    nginx = await startNginx(options, [ports[0]]);
    const tokens: Record<string, string> = {};
    for (const [role, username] of Object.entries(USERS)) {
      tokens[role] = await signIn(nginx.url, username);
    }
    const context = await discoverContext(nginx.url, tokens);
    const databases = await runDatabases(options);
    let peakConnections = 0;
    const sampleConnections = () =>
      withAdmin(options, async admin => {
        const rows = await admin.raw(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname LIKE 'bench\\_%\\_run\\_%'",
        );
        peakConnections = Math.max(peakConnections, rows.rows[0].n);
      });

    replicas.push(
      await startBackend(options, {
        db: 'pg',
        set: 'run',
        port: ports[1],
        name: 'replica-b',
        publicUrl: nginxUrl,
      }),
    );
    await warmUp(replicas[1].url, tokens.peer);
    await waitQuiet(replicas[1], options.scale.name === 'smoke' ? 3 : 60);

    await stopNginx(nginx);
    nginx = await startNginx(options, ports);
    result.throughput = {
      routes: MIX,
      ...(await alternate(
        options,
        nginx,
        replicas,
        portalRequest(tokens, context),
        sampleConnections,
        ['one replica', 'two replicas'],
      )),
    };

    // The control: the same experiment on the bare store server (the
    // plugins' store calls in node:http, no framework), two of them on
    // the same databases. What it loses with two processes is this
    // machine's, not the portal's.
    console.log('  the same on the bare store server');
    const contextFile = path.join(options.dataDir, 'context-scaleout.json');
    fs.writeFileSync(contextFile, JSON.stringify(context));
    const rawPorts = [rawServerPort(options), options.basePort + 3];
    for (const [i, port] of rawPorts.entries()) {
      raws.push(
        await startRawServer(options, {
          db: 'pg',
          port,
          contextFile,
          name: `raw-pg-${'ab'[i]}`,
        }),
      );
    }
    await stopNginx(nginx);
    nginx = await startNginx(options, rawPorts);
    result.throughput.control = await alternate(
      options,
      nginx,
      raws,
      storeRequest,
      // Proof (d)'s peak is the replicas' connections, not these servers'.
      undefined,
      ['one bare store server', 'two bare store servers'],
    );

    console.log('  proofs');
    const [a, b] = replicas;
    const peers: string[] = [];
    const peerRefs: string[] = [];
    for (let i = 0; i < Math.min(BENCH_PEERS, 100); i++) {
      peers.push(await signIn(a.url, benchPeer(i)));
      peerRefs.push(`user:default/${benchPeer(i)}`);
    }
    result.proofs.push(await proveRemindersOnce(a, b, tokens, peers));
    result.proofs.push(await proveNotificationAcross(a, b, tokens));
    result.proofs.push(
      ...(await proveNoOverbooking(a, b, tokens, peers, peerRefs)),
    );

    const maxConnections = await withAdmin(options, async admin =>
      Number((await admin.raw('SHOW max_connections')).rows[0].max_connections),
    );
    const poolMax = productionPool().max;
    const budget = replicas.length * databases.length * poolMax;
    await sampleConnections();
    result.proofs.push({
      name: '(d) connection budget: replicas × plugin databases × pool max < max_connections',
      ok: budget < maxConnections && peakConnections < maxConnections,
      detail: `${replicas.length} × ${
        databases.length
      } × ${poolMax} = ${budget} against max_connections ${maxConnections}; peak seen under load: ${peakConnections} connections (databases: ${databases
        .map((d: string) => d.replace(/^bench_\w+?_run_/, ''))
        .join(', ')})`,
    });
  } catch (error) {
    result.error = String(error);
    result.proofs.push({
      name: 'scale-out phase',
      ok: false,
      detail: String(error),
    });
  } finally {
    await stopNginx(nginx);
    // Replica A belongs to the caller.
    for (const r of [...replicas.slice(1), ...raws]) await r.stop();
  }
  return result;
}
