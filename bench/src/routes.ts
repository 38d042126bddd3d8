/*
 * The routes under load: what the issue lists, each as the portal's HTTP
 * request (with a demo user's token) and as the same store call, which the
 * raw server makes without Backstage and whose SQL it replays bare.
 */
import { DateTime } from 'luxon';

const ZONE = 'Europe/Stockholm';

/** The demo users of catalog/org.yaml the routes run as. */
export const USERS = {
  staff: 'peter.aberg',
  peer: 'asa.lindqvist',
  teamLeader: 'anders.holm',
  manager: 'helena.strand',
  coordinator: 'mia.nordlund',
} as const;

/** What the harness finds out through the API before the load. */
export type RouteContext = {
  /** The cursor of page 25 of the deep board query. */
  deepCursor: string;
  /** Meetings the peer may answer (ids), for answering in turn. */
  answerable: string[];
  /** Stockholm's today, YYYY-MM-DD. */
  today: string;
};

export type Route = {
  id: string;
  title: string;
  kind: 'read' | 'write';
  /** Whose token (a key of USERS). */
  as: keyof typeof USERS;
  method: 'GET' | 'POST' | 'PUT';
  /** Path and query under the backend's base URL, for the i-th request. */
  path: (ctx: RouteContext, i: number) => string;
  body?: (ctx: RouteContext, i: number) => unknown;
  /** Counted against the targets (p95 < 20 ms, ≥ 50 % of raw). */
  target?: boolean;
  /** Not one of the portal's: the Bazaar backend, for comparison. */
  peer?: boolean;
};

const day = (ctx: RouteContext, days: number) =>
  DateTime.fromISO(ctx.today, { zone: ZONE }).plus({ days }).toISODate()!;

/** Next month, first and last day. */
export function nextMonth(ctx: RouteContext) {
  const first = DateTime.fromISO(ctx.today, { zone: ZONE })
    .plus({ months: 1 })
    .startOf('month');
  return { from: first.toISODate()!, to: first.endOf('month').toISODate()! };
}

/** The evaluation's last twelve months, YYYY-MM. */
export function lastYear(ctx: RouteContext) {
  const to = DateTime.fromISO(ctx.today, { zone: ZONE });
  return {
    from: to.minus({ months: 11 }).toFormat('yyyy-MM'),
    to: to.toFormat('yyyy-MM'),
  };
}

export const DIRECTORY_QUERY = {
  q: 'anna',
  region: 'skane',
  mode: 'video',
  limit: '20',
};
export const BOARD_QUERY = { view: 'board', sort: 'date', limit: '50' };
export const DEEP_QUERY = {
  view: 'board',
  sort: 'date',
  region: 'stockholm',
  type: 'share-story',
  limit: '20',
};
export const DEEP_PAGE = 25;

export function booking(ctx: RouteContext, i: number) {
  const d = day(ctx, 30 + (i % 300));
  return {
    title: `Benchmark: berätta om återhämtning ${i}`,
    type: 'share-story',
    description: 'Personalgruppen vill höra om vägen till återhämtning.',
    unit: 'vgr-sahlgrenska-avd-367',
    contactName: 'Anders Holm',
    contactEmail: 'anders.holm@example.se',
    place: 'Konferensrum 3',
    slots: [{ start: `${d}T13:00`, end: `${d}T15:00` }],
    estimatedHours: 2,
    peersWanted: 2,
    experienceWanted: 'either',
    language: 'sv',
    interestDeadline: day(ctx, 20),
    costCentre: 'KS-4711',
  };
}

const ANSWERS = ['yes', 'maybe', 'no'] as const;
export const answerOf = (i: number) => ({
  answer: ANSWERS[Math.floor(i / 7) % 3],
});

const qs = (params: Record<string, string>) =>
  new URLSearchParams(params).toString();

export const ROUTES: Route[] = [
  {
    id: 'directory-search',
    title: 'directory: free text + region + mode, 10,000 profiles',
    kind: 'read',
    as: 'staff',
    method: 'GET',
    path: () => `/api/peer-directory/profiles?${qs(DIRECTORY_QUERY)}`,
    target: true,
  },
  {
    id: 'board-first',
    title: 'board: first page of 50, 100,000 assignments',
    kind: 'read',
    as: 'peer',
    method: 'GET',
    path: () => `/api/assignments/assignments?${qs(BOARD_QUERY)}`,
    target: true,
  },
  {
    id: 'board-deep',
    title: `board: page ${DEEP_PAGE}, region + type filters`,
    kind: 'read',
    as: 'peer',
    method: 'GET',
    path: ctx =>
      `/api/assignments/assignments?${qs({
        ...DEEP_QUERY,
        cursor: ctx.deepCursor,
      })}`,
    target: true,
  },
  {
    id: 'meetings-month',
    title: 'meetings of next month',
    kind: 'read',
    as: 'peer',
    method: 'GET',
    path: ctx => `/api/network-meetings/meetings?${qs(nextMonth(ctx))}`,
  },
  {
    id: 'metrics-month',
    title: 'evaluation: 12 months by month, 1,000,000 facts',
    kind: 'read',
    as: 'manager',
    method: 'GET',
    path: ctx =>
      `/api/evaluation/metrics?${qs({ ...lastYear(ctx), groupBy: 'month' })}`,
  },
  {
    id: 'metrics-region',
    title: 'evaluation: 12 months by region',
    kind: 'read',
    as: 'manager',
    method: 'GET',
    path: ctx =>
      `/api/evaluation/metrics?${qs({ ...lastYear(ctx), groupBy: 'region' })}`,
  },
  {
    id: 'bazaar-list',
    title: 'Bazaar backend: list 50 of 10,000 projects',
    kind: 'read',
    as: 'peer',
    method: 'GET',
    path: () => '/api/bazaar/projects?limit=50',
    peer: true,
  },
  {
    id: 'book',
    title: 'book a new assignment (team leader)',
    kind: 'write',
    as: 'teamLeader',
    method: 'POST',
    path: () => '/api/assignments/assignments',
    body: booking,
  },
  {
    id: 'answer',
    title: 'answer a meeting (yes / maybe / no in turn)',
    kind: 'write',
    as: 'peer',
    method: 'PUT',
    path: (ctx, i) =>
      `/api/network-meetings/meetings/${
        ctx.answerable[i % ctx.answerable.length]
      }/rsvp`,
    body: (_ctx, i) => answerOf(i),
  },
];
