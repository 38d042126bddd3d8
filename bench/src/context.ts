/*
 * What the routes need that only the running portal knows (found through
 * its API, before the load), and the Bazaar backend's projects (made
 * through its own API).
 */
import { DateTime } from 'luxon';
import { DB_LABEL, DbKind } from './config';
import { DEEP_PAGE, DEEP_QUERY, RouteContext } from './routes';

export async function api<T>(
  url: string,
  token: string,
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, body };
}

async function ok<T>(promise: Promise<{ status: number; body: T }>) {
  const { status, body } = await promise;
  if (status >= 300) {
    throw new Error(`HTTP ${status}: ${JSON.stringify(body).slice(0, 300)}`);
  }
  return body;
}

type TaskState = {
  status: 'idle' | 'running';
  startsAt?: string;
  lastRunEndedAt?: string;
};

/**
 * Waits until each of search's scheduled indexing tasks has run since
 * `since` and is idle, with its next run at least `quietMinutes` away, so
 * that no index rebuild (seconds of CPU for 10,000 profiles) falls into a
 * measured run. A task that is idle and has not run since `since` is
 * triggered once: the scheduler keeps its next run in the database, so on
 * a data set prepared less than an hour ago it would not run at start, and
 * search's in-memory index would stay empty. Returns how long it waited.
 */
export async function waitForIndexing(
  url: string,
  token: string,
  since: number,
  quietMinutes: number,
  seconds = 300,
): Promise<number> {
  const started = Date.now();
  const triggered = new Set<string>();
  for (;;) {
    const { body } = await api<{
      tasks?: Array<{ taskId: string; taskState: TaskState | null }>;
    }>(url, token, '/api/search/.backstage/scheduler/v1/tasks');
    for (const { taskId, taskState: s } of body.tasks ?? []) {
      const ended = s?.lastRunEndedAt ? Date.parse(s.lastRunEndedAt) : 0;
      if (s?.status === 'idle' && ended < since && !triggered.has(taskId)) {
        triggered.add(taskId);
        await api(
          url,
          token,
          `/api/search/.backstage/scheduler/v1/tasks/${taskId}/trigger`,
          { method: 'POST' },
        );
      }
    }
    const waiting = (body.tasks ?? [])
      .filter(({ taskState: s }) => {
        const ended = s?.lastRunEndedAt ? Date.parse(s.lastRunEndedAt) : 0;
        const next = s?.startsAt ? Date.parse(s.startsAt) : 0;
        return (
          s?.status !== 'idle' ||
          ended < since ||
          next < Date.now() + quietMinutes * 60_000
        );
      })
      .map(t => t.taskId);
    if (body.tasks?.length && !waiting.length) return Date.now() - started;
    if (Date.now() - started > seconds * 1000) {
      throw new Error(
        `search indexing: not done after ${seconds} s (${
          waiting.join(', ') || JSON.stringify(body).slice(0, 200)
        })`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
}

/**
 * One authenticated request to each plugin, until each answers: a plugin
 * fetches the signing keys on its first user token, and on a loaded machine
 * that first fetch can time out (401 ERR_JWKS_TIMEOUT).
 */
export async function warmUp(url: string, token: string, seconds = 90) {
  const paths = [
    '/api/peer-directory/profiles?limit=1',
    '/api/assignments/summary',
    '/api/network-meetings/meetings?limit=1',
    '/api/evaluation/me',
    '/api/bazaar/projects?limit=1',
  ];
  const until = Date.now() + seconds * 1000;
  for (const path of paths) {
    for (;;) {
      const { status } = await api(url, token, path).catch(() => ({
        status: 0,
      }));
      if (status >= 200 && status < 300) break;
      if (Date.now() > until) {
        throw new Error(`${path}: HTTP ${status} after ${seconds} s`);
      }
      await new Promise(resolve => setTimeout(resolve, 1000));
    }
  }
}

export async function discoverContext(
  url: string,
  tokens: Record<string, string>,
): Promise<RouteContext> {
  const today = DateTime.now().setZone('Europe/Stockholm').toISODate()!;

  // The cursor of the deep page (or of the last page there is).
  let deepCursor = '';
  for (let page = 1; page < DEEP_PAGE; page++) {
    const params = new URLSearchParams({ ...DEEP_QUERY });
    if (deepCursor) params.set('cursor', deepCursor);
    const list = await ok(
      api<{ nextCursor?: string }>(
        url,
        tokens.peer,
        `/api/assignments/assignments?${params}`,
      ),
    );
    if (!list.nextCursor) break;
    deepCursor = list.nextCursor;
  }

  // Meetings of the coming two months that the peer may answer.
  const to = DateTime.fromISO(today).plus({ days: 60 }).toISODate()!;
  const meetings = await ok(
    api<{ items: Array<{ id: string; open: boolean; canAnswer: boolean }> }>(
      url,
      tokens.peer,
      `/api/network-meetings/meetings?from=${today}&to=${to}&limit=100`,
    ),
  );
  const answerable = meetings.items
    .filter(m => m.open && m.canAnswer)
    .map(m => m.id);
  if (!answerable.length) throw new Error('No meeting to answer in the data');
  return { deepCursor, answerable, today };
}

/** Projects of the Bazaar backend, through its API (16 at a time). */
export async function seedBazaar(
  url: string,
  token: string,
  count: number,
  db: DbKind,
) {
  const statuses = ['proposed', 'ongoing'];
  const sizes = ['small', 'medium', 'large'];
  // Projects made by an earlier, interrupted start count.
  const before = await ok(
    api<{ data: unknown[] }>(url, token, '/api/bazaar/projects'),
  );
  let next = before.data.length;
  let done = next;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      await ok(
        api(url, token, '/api/bazaar/projects', {
          method: 'POST',
          body: {
            title: `Förbättringsarbete ${i + 1}`,
            description:
              'Ett projekt där peers och personal utvecklar vården tillsammans.',
            community: 'https://example.se/forum',
            status: statuses[i % 2],
            size: sizes[i % 3],
            responsible: 'Mia Nordlund',
            startDate: '2026-01-01',
            endDate: null,
            docs: null,
          },
        }),
      );
      done++;
      if (done % 500 === 0 || done === count) {
        process.stdout.write(
          `\r  ${DB_LABEL[db]}: Bazaar projects ${done}/${count}   `,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  process.stdout.write('\n');
  // A quarter of the projects have two members.
  const list = await ok(
    api<{ data: Array<{ id: number; members_count: number | string }> }>(
      url,
      token,
      '/api/bazaar/projects',
    ),
  );
  const ids = list.data
    .filter((p, i) => i % 4 === 0 && Number(p.members_count) === 0)
    .map(p => p.id);
  let k = 0;
  const members = async () => {
    while (k < ids.length) {
      const id = ids[k++];
      for (const user of ['asa.lindqvist', 'omar.haddad']) {
        await ok(
          api(url, token, `/api/bazaar/projects/${id}/member/${user}`, {
            method: 'PUT',
            body: {},
          }),
        );
      }
    }
  };
  await Promise.all(Array.from({ length: 16 }, members));
}
