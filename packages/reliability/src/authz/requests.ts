/*
 * A valid request for each route of the table, for one caller: what the
 * authorisation matrix sends. Each call makes fresh fixtures (an assignment,
 * a meeting) through the API itself, so every cell starts from the same
 * state whoever ran before.
 */
import { Callers, Request, USERS } from '../harness/http';
import { Actor, Role } from '../routeTable';

const DAY = 86_400_000;

/** A day `days` from now, YYYY-MM-DD. */
export function dayFromNow(days: number): string {
  return new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
}

export const ref = (username: string) => `user:default/${username}`;

let slotDay = 0;

/** A booking on a day of its own (no two fixtures' times overlap). */
export function booking(overrides: Record<string, unknown> = {}) {
  slotDay += 1;
  const day = dayFromNow(40 + (slotDay % 300));
  return {
    title: 'Berätta om återhämtning på APT',
    type: 'share-story',
    description: 'Personalgruppen vill höra om vägen till återhämtning.',
    unit: 'rjl-ryhov-avd-1',
    contactName: 'Peter Åberg',
    contactEmail: 'peter.aberg@example.se',
    place: 'Konferensrum 3',
    slots: [{ start: `${day}T13:00`, end: `${day}T15:00` }],
    estimatedHours: 2,
    peersWanted: 1,
    experienceWanted: 'either',
    language: 'sv',
    interestDeadline: dayFromNow(30),
    costCentre: 'KS-4711',
    ...overrides,
  };
}

export function meeting(overrides: Record<string, unknown> = {}) {
  const day = dayFromNow(50);
  return {
    title: 'Nätverksträff för alla',
    kind: 'network-meeting',
    place: 'Stora salen',
    audience: 'everyone',
    start: `${day}T18:00`,
    end: `${day}T20:00`,
    ...overrides,
  };
}

/** Fixtures made through the API. */
export class World {
  constructor(readonly callers: Callers) {}

  private async ok(user: string, request: Request, what: string): Promise<any> {
    const answer = await this.callers.send({ user }, request);
    if (answer.status < 200 || answer.status >= 300) {
      throw new Error(
        `Fixture "${what}" failed: ${answer.status} ${answer.text.slice(
          0,
          300,
        )}`,
      );
    }
    return answer.json;
  }

  /** A request booked by a staff member (waits for review). */
  async requestedAssignment(by = USERS.staff[0]): Promise<string> {
    return (
      await this.ok(
        by,
        {
          method: 'POST',
          path: '/api/assignments/assignments',
          body: booking(),
        },
        'book as staff',
      )
    ).id;
  }

  /** An open assignment booked by a team leader (published at once). */
  async openAssignment(
    peersWanted = 1,
    overrides: Record<string, unknown> = {},
  ): Promise<string> {
    return (
      await this.ok(
        USERS['team-leader'][0],
        {
          method: 'POST',
          path: '/api/assignments/assignments',
          body: booking({
            unit: 'vgr-sahlgrenska-avd-367',
            contactName: 'Anders Holm',
            peersWanted,
            ...overrides,
          }),
        },
        'book as team leader',
      )
    ).id;
  }

  async showInterest(id: string, peer: string) {
    await this.ok(
      peer,
      {
        method: 'POST',
        path: `/api/assignments/assignments/${id}/interest`,
        body: {},
      },
      'show interest',
    );
  }

  async select(id: string, peer: string) {
    await this.ok(
      USERS.coordinator[0],
      {
        method: 'POST',
        path: `/api/assignments/assignments/${id}/selection`,
        body: { userRef: ref(peer) },
      },
      'select',
    );
  }

  /** A completed assignment for which `peer` was selected and worked. */
  async completedAssignment(peer: string): Promise<string> {
    const id = await this.openAssignment(1);
    await this.showInterest(id, peer);
    await this.select(id, peer);
    await this.ok(
      USERS.coordinator[0],
      {
        method: 'POST',
        path: `/api/assignments/assignments/${id}/transitions`,
        body: {
          action: 'complete',
          peers: [{ userRef: ref(peer), actualHours: 2 }],
        },
      },
      'complete',
    );
    return id;
  }

  /** A meeting for everyone, created by a coordinator. */
  async meeting(overrides: Record<string, unknown> = {}): Promise<string> {
    return (
      await this.ok(
        USERS.coordinator[0],
        {
          method: 'POST',
          path: '/api/network-meetings/meetings',
          body: meeting(overrides),
        },
        'create meeting',
      )
    ).id;
  }

  async profileIdOf(username: string): Promise<string> {
    const answer = await this.ok(
      username,
      { method: 'GET', path: '/api/peer-directory/profiles/me' },
      'own profile',
    );
    return answer.id;
  }

  /** A meeting that has started (from the demo data), for attendance. */
  async pastMeeting(): Promise<string> {
    const list = await this.ok(
      USERS.coordinator[0],
      {
        method: 'GET',
        path: '/api/network-meetings/meetings',
        query: { from: dayFromNow(-300), to: dayFromNow(-1), limit: '100' },
      },
      'past meetings',
    );
    const past = list.items.find((m: any) => m.status !== 'cancelled');
    if (!past) throw new Error('The demo data has no past meeting');
    return past.id;
  }

  async feedFile(username: string): Promise<string> {
    const answer = await this.ok(
      username,
      { method: 'POST', path: '/api/network-meetings/feeds/me' },
      'feed token',
    );
    return String(answer.url).split('/').pop()!;
  }
}

type Builder = (w: World, actor: Actor, ownerRole?: Role) => Promise<Request>;

const get =
  (path: string, query?: Record<string, string>): Builder =>
  async () => ({ method: 'GET', path, query });

const RETENTION = {
  policy: {
    interestNotFollowedUpMonths: 1200,
    rsvpNeedsAfterMeetingDays: 36500,
    leftNetworkMonths: 1200,
    erasureRecordsMonths: 1200,
  },
  now: new Date().toISOString(),
};

function personalData(plugin: string): Record<string, Builder> {
  return {
    [`GET /api/${plugin}/.personal-data/export`]: get(
      `/api/${plugin}/.personal-data/export`,
      { userRef: ref('nobody.here') },
    ),
    [`POST /api/${plugin}/.personal-data/erase`]: async () => ({
      method: 'POST',
      path: `/api/${plugin}/.personal-data/erase`,
      query: { userRef: ref('nobody.here') },
      body: {},
    }),
    [`POST /api/${plugin}/.personal-data/retention`]: async () => ({
      method: 'POST',
      path: `/api/${plugin}/.personal-data/retention`,
      body: RETENTION,
    }),
  };
}

function framework(plugin: string): Record<string, Builder> {
  return {
    [`GET /api/${plugin}/.well-known/backstage/permissions/metadata`]: get(
      `/api/${plugin}/.well-known/backstage/permissions/metadata`,
    ),
    [`POST /api/${plugin}/.well-known/backstage/permissions/apply-conditions`]:
      async () => ({
        method: 'POST',
        path: `/api/${plugin}/.well-known/backstage/permissions/apply-conditions`,
        body: {},
      }),
    [`GET /api/${plugin}/.backstage/scheduler/v1/tasks`]: get(
      `/api/${plugin}/.backstage/scheduler/v1/tasks`,
    ),
    [`POST /api/${plugin}/.backstage/scheduler/v1/tasks/:id/trigger`]:
      async () => ({
        method: 'POST',
        path: `/api/${plugin}/.backstage/scheduler/v1/tasks/no-such-task/trigger`,
      }),
    [`POST /api/${plugin}/.backstage/scheduler/v1/tasks/:id/cancel`]:
      async () => ({
        method: 'POST',
        path: `/api/${plugin}/.backstage/scheduler/v1/tasks/no-such-task/cancel`,
      }),
  };
}

const A = '/api/assignments/assignments';
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
const M = '/api/network-meetings/meetings';

export const REQUESTS: Record<string, Builder> = {
  ...framework('peer-directory'),
  ...framework('assignments'),
  ...framework('network-meetings'),
  ...framework('evaluation'),
  ...personalData('peer-directory'),
  ...personalData('assignments'),
  ...personalData('network-meetings'),
  ...personalData('evaluation'),

  'GET /api/peer-directory/profiles': get('/api/peer-directory/profiles', {
    limit: '5',
  }),
  'GET /api/peer-directory/profiles/me': get('/api/peer-directory/profiles/me'),
  'PUT /api/peer-directory/profiles/me': async () => ({
    method: 'PUT',
    path: '/api/peer-directory/profiles/me',
    body: {
      displayName: 'Namn Efternamn',
      region: 'jonkoping',
      units: ['rjl-recovery-college'],
      languages: ['sv'],
      supportModes: ['ward'],
      topics: ['strengths'],
      assignmentTypes: ['share-story'],
      availability: 'available',
      pausedUntil: null,
      experience: ['own'],
      story: 'Min berättelse.',
    },
  }),
  'PUT /api/peer-directory/profiles/me/consent': async () => ({
    method: 'PUT',
    path: '/api/peer-directory/profiles/me/consent',
    body: { experience: true, story: true },
  }),
  'GET /api/peer-directory/profiles/:id': async w => ({
    method: 'GET',
    path: `/api/peer-directory/profiles/${await w.profileIdOf(USERS.peer[1])}`,
  }),
  'POST /api/peer-directory/interest': async () => ({
    method: 'POST',
    path: '/api/peer-directory/interest',
    body: {
      role: 'peer',
      region: 'skane',
      message: 'Jag vill gärna vara med.',
    },
  }),
  'GET /api/peer-directory/onboarding': get('/api/peer-directory/onboarding'),
  'POST /api/peer-directory/profiles/:id/status': async w => ({
    method: 'POST',
    path: `/api/peer-directory/profiles/${await w.profileIdOf(
      USERS['peer-supporter'][1],
    )}/status`,
    body: { status: 'active', reason: 'Utbildningen klar.' },
  }),
  'POST /api/peer-directory/profiles/:id/training': async w => ({
    method: 'POST',
    path: `/api/peer-directory/profiles/${await w.profileIdOf(
      USERS['peer-supporter'][1],
    )}/training`,
    body: { kind: 'other', completedOn: dayFromNow(-10), certified: false },
  }),
  'GET /api/peer-directory/collator/documents': get(
    '/api/peer-directory/collator/documents',
  ),
  'GET /api/peer-directory/consent-changes': get(
    '/api/peer-directory/consent-changes',
    { since: '2026-01-01T00:00:00Z' },
  ),
  'GET /api/peer-directory/coverage': get('/api/peer-directory/coverage'),

  'GET /api/assignments/summary': get('/api/assignments/summary'),
  'GET /api/assignments/assignments': get(A, { limit: '5' }),
  'POST /api/assignments/assignments': async () => ({
    method: 'POST',
    path: A,
    body: booking(),
  }),
  'GET /api/assignments/assignments/:id': async w => ({
    method: 'GET',
    path: `${A}/${await w.requestedAssignment()}`,
  }),
  'PATCH /api/assignments/assignments/:id': async w => ({
    method: 'PATCH',
    path: `${A}/${await w.requestedAssignment()}`,
    body: { title: 'Ny titel på förfrågan' },
  }),
  'POST /api/assignments/assignments/:id/interest': async w => ({
    method: 'POST',
    path: `${A}/${await w.openAssignment()}/interest`,
    body: { message: 'Jag kan gärna.' },
  }),
  'DELETE /api/assignments/assignments/:id/interest': async w => {
    const id = await w.openAssignment();
    await w.showInterest(id, USERS.peer[0]);
    return { method: 'DELETE', path: `${A}/${id}/interest` };
  },
  'POST /api/assignments/assignments/:id/selection': async w => {
    const id = await w.openAssignment();
    await w.showInterest(id, USERS.peer[0]);
    return {
      method: 'POST',
      path: `${A}/${id}/selection`,
      body: { userRef: ref(USERS.peer[0]) },
    };
  },
  'POST /api/assignments/assignments/:id/transitions': async w => ({
    method: 'POST',
    path: `${A}/${await w.requestedAssignment()}/transitions`,
    body: { action: 'publish' },
  }),
  'POST /api/assignments/assignments/:id/feedback': async w => ({
    method: 'POST',
    path: `${A}/${await w.completedAssignment(USERS.peer[0])}/feedback`,
    body: { rating: 5, comment: 'Bra möte.' },
  }),
  'GET /api/assignments/honoraria': get('/api/assignments/honoraria'),
  'GET /api/assignments/honoraria/exports': get(
    '/api/assignments/honoraria/exports',
  ),
  'GET /api/assignments/honoraria/export.csv': get(
    '/api/assignments/honoraria/export.csv',
    { from: '1990-01-01', to: '1990-01-31' },
  ),
  'GET /api/assignments/facts': get('/api/assignments/facts'),

  'GET /api/network-meetings/meetings': get(M, { limit: '5' }),
  'POST /api/network-meetings/meetings': async () => ({
    method: 'POST',
    path: M,
    body: meeting(),
  }),
  'GET /api/network-meetings/meetings/:id': async w => ({
    method: 'GET',
    path: `${M}/${await w.meeting()}`,
  }),
  'PATCH /api/network-meetings/meetings/:id': async w => ({
    method: 'PATCH',
    path: `${M}/${await w.meeting()}`,
    body: { title: 'Ny rubrik' },
  }),
  'DELETE /api/network-meetings/meetings/:id': async w => ({
    method: 'DELETE',
    path: `${M}/${await w.meeting()}`,
  }),
  'PUT /api/network-meetings/meetings/:id/rsvp': async w => ({
    method: 'PUT',
    path: `${M}/${await w.meeting()}/rsvp`,
    body: { answer: 'yes', needs: 'Vegetariskt' },
  }),
  'GET /api/network-meetings/meetings/:id/attendees': async w => ({
    method: 'GET',
    path: `${M}/${await w.meeting()}/attendees`,
  }),
  'POST /api/network-meetings/meetings/:id/attendance': async w => ({
    method: 'POST',
    path: `${M}/${await w.pastMeeting()}/attendance`,
    body: { attendees: [{ userRef: ref(USERS.peer[0]), attended: true }] },
  }),
  'GET /api/network-meetings/meetings/:id/ics': async w => ({
    method: 'GET',
    path: `${M}/${await w.meeting()}/ics`,
  }),
  'GET /api/network-meetings/feeds/me': get('/api/network-meetings/feeds/me'),
  'POST /api/network-meetings/feeds/me': async () => ({
    method: 'POST',
    path: '/api/network-meetings/feeds/me',
  }),
  'DELETE /api/network-meetings/feeds/me': async () => ({
    method: 'DELETE',
    path: '/api/network-meetings/feeds/me',
  }),
  'GET /api/network-meetings/feeds/:file': async w => ({
    method: 'GET',
    path: `/api/network-meetings/feeds/${await w.feedFile(USERS.peer[1])}`,
  }),
  'GET /api/network-meetings/facts': get('/api/network-meetings/facts'),

  ...framework('personal-data'),
  'GET /api/personal-data/me': get('/api/personal-data/me'),
  'GET /api/personal-data/me/export': get('/api/personal-data/me/export'),
  'POST /api/personal-data/me/erasure-requests': async () => ({
    method: 'POST',
    path: '/api/personal-data/me/erasure-requests',
    body: {},
  }),
  'POST /api/personal-data/me/erasure-requests/:id/withdraw': async () => ({
    method: 'POST',
    path: `/api/personal-data/me/erasure-requests/${NO_SUCH_ID}/withdraw`,
    body: {},
  }),
  'GET /api/personal-data/erasure-requests': get(
    '/api/personal-data/erasure-requests',
  ),
  'GET /api/personal-data/erasure-requests/:id': get(
    `/api/personal-data/erasure-requests/${NO_SUCH_ID}`,
  ),
  'POST /api/personal-data/erasure-requests/:id/confirm': async () => ({
    method: 'POST',
    path: `/api/personal-data/erasure-requests/${NO_SUCH_ID}/confirm`,
    body: {},
  }),
  'POST /api/personal-data/erasure-requests/:id/reject': async () => ({
    method: 'POST',
    path: `/api/personal-data/erasure-requests/${NO_SUCH_ID}/reject`,
    body: { reason: 'Fel person' },
  }),
  'POST /api/personal-data/erasure-requests/:id/run': async () => ({
    method: 'POST',
    path: `/api/personal-data/erasure-requests/${NO_SUCH_ID}/run`,
    body: {},
  }),
  'GET /api/personal-data/consent-changes': get(
    '/api/personal-data/consent-changes',
  ),
  'GET /api/personal-data/retention/runs': get(
    '/api/personal-data/retention/runs',
  ),
  'POST /api/personal-data/retention/runs': async () => ({
    method: 'POST',
    path: '/api/personal-data/retention/runs',
    body: {},
  }),

  'GET /api/evaluation/me': get('/api/evaluation/me'),
  'GET /api/evaluation/metrics': get('/api/evaluation/metrics'),
  'GET /api/evaluation/export.csv': get('/api/evaluation/export.csv'),
  'GET /api/evaluation/filters': get('/api/evaluation/filters'),
  'POST /api/evaluation/support-sessions': async () => ({
    method: 'POST',
    path: '/api/evaluation/support-sessions',
    body: {
      date: dayFromNow(-1),
      unit: 'skane-malmo-avd-3',
      mode: 'ward',
      minutes: 45,
      topic: 'strengths',
      kind: 'first',
    },
  }),
  'GET /api/evaluation/support-sessions/mine': get(
    '/api/evaluation/support-sessions/mine',
  ),
  'GET /api/evaluation/outcomes': get('/api/evaluation/outcomes'),
  'POST /api/evaluation/outcomes': async () => ({
    method: 'POST',
    path: '/api/evaluation/outcomes',
    body: {
      unit: 'skane-malmo-avd-3',
      periodStart: '2026-01-01',
      periodEnd: '2026-03-31',
      inpatientDays: 120,
    },
  }),
  'POST /api/evaluation/outcomes/import': async () => ({
    method: 'POST',
    path: '/api/evaluation/outcomes/import',
    contentType: 'text/csv',
    rawBody:
      'unit;periodStart;periodEnd;inpatientDays\r\nskane-lund-oppenvard;2026-04-01;2026-06-30;80\r\n',
  }),
};
