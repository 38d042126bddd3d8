import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  recordingAuditorMock,
  rolePermissionsMock,
} from '@internal/plugin-portal-node/testUtils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { DateTime } from 'luxon';
import request from 'supertest';
import { assignmentsPlugin } from '../plugin';

jest.setTimeout(60_000);

/** Roles of the test users, by name prefix. */
function roleOf(userRef: string): string | undefined {
  const name = userRef.replace('user:default/', '');
  return ['peer', 'staff', 'coord', 'leader', 'manager'].find(r =>
    name.startsWith(r),
  );
}
const GRANTS: Record<string, string[] | 'all'> = {
  'assignments.assignment.read': 'all',
  'assignments.assignment.create': ['staff', 'leader', 'coord', 'manager'],
  'assignments.assignment.publish-own': ['leader', 'coord'],
  'assignments.interest.create': ['peer'],
  'assignments.assignment.manage': ['coord'],
  'assignments.honorarium.export': ['coord'],
};
/** Units the test users belong to. */
const UNITS: Record<string, string[]> = {
  'user:default/leader': ['unit-a'],
  'user:default/staff': ['unit-a'],
  'user:default/leader2': ['unit-b'],
};

const auditEvents: string[] = [];
const notifications: Array<{ recipients: any; payload: any }> = [];
const published: any[] = [];

async function startPlugin() {
  const permissions = rolePermissionsMock(roleOf, GRANTS);
  const auditor = recordingAuditorMock(auditEvents);
  const userInfo = mockServices.userInfo.mock({
    async getUserInfo(credentials: any) {
      const ref = credentials.principal.userEntityRef;
      return {
        userEntityRef: ref,
        ownershipEntityRefs: [
          ref,
          ...(UNITS[ref] ?? []).map(u => `group:default/${u}`),
        ],
      };
    },
  });
  const { server } = await startTestBackend({
    features: [
      assignmentsPlugin,
      permissions.factory,
      auditor.factory,
      userInfo.factory,
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({
          send: async (n: any) => {
            notifications.push(n);
          },
        }),
      }),
      createServiceFactory({
        service: eventsServiceRef,
        deps: {},
        factory: () =>
          ({
            publish: async (e: any) => {
              published.push(e);
            },
            subscribe: async () => {},
          } as any),
      }),
      catalogServiceMock.factory({
        entities: [
          ...['unit-a', 'unit-b'].map(name => ({
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Group',
            metadata: { name, title: `Enhet ${name}` },
            spec: { type: 'unit', parent: 'skane', children: [] },
          })),
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Group',
            metadata: { name: 'skane' },
            spec: { type: 'region', children: [] },
          },
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'User',
            metadata: { name: 'peer-asa' },
            spec: { profile: { displayName: 'Åsa Lindqvist' } },
          },
        ],
      }),
      mockServices.rootConfig.factory({
        data: {
          assignments: {
            demoData: true,
            honorarium: {
              bands: [
                { code: 'upTo2h', upToHours: 2, kronor: 600 },
                { code: 'halfDay', upToHours: 4, kronor: 1000.5 },
              ],
              extraPerStartedHourKronor: 250,
              travelKronor: 200,
            },
          },
        },
      }),
    ],
  });
  return server;
}

const as = (user: string) => ({
  Authorization: mockCredentials.user.header(`user:default/${user}`),
});

/** A wall-clock time `days` from now in Stockholm. */
function future(days: number, time: string) {
  const day = DateTime.now()
    .setZone('Europe/Stockholm')
    .plus({ days })
    .toISODate();
  return `${day}T${time}`;
}

function booking(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Berätta om återhämtning på APT',
    type: 'share-story',
    description: 'Personalgruppen vill höra om vägen till återhämtning.',
    unit: 'unit-a',
    contactName: 'Anders Holm',
    contactEmail: 'anders.holm@example.se',
    place: 'Konferensrum 3',
    slots: [{ start: future(30, '13:00'), end: future(30, '15:00') }],
    estimatedHours: 2,
    peersWanted: 2,
    experienceWanted: 'either',
    language: 'sv',
    interestDeadline: future(20, '00:00').slice(0, 10),
    costCentre: 'KS-4711',
    ...overrides,
  };
}

const API = '/api/assignments';

describe('assignments router', () => {
  let server: Awaited<ReturnType<typeof startPlugin>>;
  beforeAll(async () => {
    server = await startPlugin();
  });
  beforeEach(() => {
    auditEvents.splice(0);
    notifications.splice(0);
    published.splice(0);
  });

  async function create(user: string, overrides = {}) {
    const res = await request(server)
      .post(`${API}/assignments`)
      .set(as(user))
      .send(booking(overrides));
    expect(res.status).toBe(201);
    return res.body;
  }

  it('answers 401 without a signed-in user, and serves facts only to services', async () => {
    for (const path of ['/assignments', '/honoraria', '/summary']) {
      expect((await request(server).get(`${API}${path}`)).status).toBe(401);
    }
    expect(
      (await request(server).get(`${API}/facts`).set(as('coord'))).status,
    ).toBe(403);
    const facts = await request(server)
      .get(`${API}/facts`)
      .set({ Authorization: mockCredentials.service.header() });
    expect(facts.status).toBe(200);
    expect(facts.body.items.length).toBeGreaterThan(0);
  });

  it('shows the demo board with open assignments, and a summary', async () => {
    const res = await request(server)
      .get(`${API}/assignments`)
      .set(as('peer-asa'));
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(res.body.items.every((a: any) => a.state === 'open')).toBe(true);
    expect(res.body.items[0].allowedActions).toContain('interest');
    const summary = await request(server)
      .get(`${API}/summary`)
      .set(as('staff'));
    expect(summary.body.open).toBe(res.body.totalCount);
  });

  it.each([
    [{ title: 'x' }, 'title'],
    [{ slots: [] }, 'slots'],
    [
      { slots: [{ start: '2030-01-01T10:00', end: '2030-01-01T09:00' }] },
      'slots.0.end',
    ],
    [{ place: undefined }, 'place'],
    [{ contactEmail: 'not-an-address' }, 'contactEmail'],
    [{ estimatedHours: 1.3 }, 'estimatedHours'],
    [{ peersWanted: 0 }, 'peersWanted'],
    [{ costCentre: '=1+1' }, 'costCentre'],
    [{ digitalLink: 'http://insecure.example' }, 'digitalLink'],
    [{ unit: 'skane' }, 'unit'],
    [{ extra: 1 }, 'extra'],
    [{ interestDeadline: '2099-01-01' }, 'interestDeadline'],
  ])(
    'refuses a booking with %j naming %s, storing nothing',
    async (overrides, field) => {
      const before = await request(server)
        .get(`${API}/assignments`)
        .query({ view: 'unit' })
        .set(as('staff'));
      const res = await request(server)
        .post(`${API}/assignments`)
        .set(as('staff'))
        .send(booking(overrides));
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(`${field}:`);
      const after = await request(server)
        .get(`${API}/assignments`)
        .query({ view: 'unit' })
        .set(as('staff'));
      expect(after.body.totalCount).toBe(before.body.totalCount);
    },
  );

  it('publishes team leaders’ bookings at once and sends others’ to review', async () => {
    const leaders = await create('leader');
    expect(leaders.state).toBe('open');
    const staffs = await create('staff');
    expect(staffs.state).toBe('requested');
    expect(notifications).toEqual([
      expect.objectContaining({
        recipients: {
          type: 'entity',
          entityRef: ['group:default/coordinator'],
        },
      }),
    ]);
    const peerTry = await request(server)
      .post(`${API}/assignments`)
      .set(as('peer-asa'))
      .send(booking());
    expect(peerTry.status).toBe(403);
    // The request is hidden from peers, visible in the coordinators' queue.
    expect(
      (
        await request(server)
          .get(`${API}/assignments/${staffs.id}`)
          .set(as('peer-asa'))
      ).status,
    ).toBe(404);
    const review = await request(server)
      .get(`${API}/assignments`)
      .query({ view: 'review', limit: 100 })
      .set(as('coord'));
    expect(review.body.items.map((a: any) => a.id)).toContain(staffs.id);
    expect(
      (
        await request(server)
          .get(`${API}/assignments`)
          .query({ view: 'review' })
          .set(as('staff'))
      ).status,
    ).toBe(403);
    expect(auditEvents).toEqual(['assignment-create', 'assignment-create']);
  });

  it('allows each transition to the right roles only', async () => {
    const a = await create('staff');
    notifications.splice(0);
    const post = (user: string, body: object) =>
      request(server)
        .post(`${API}/assignments/${a.id}/transitions`)
        .set(as(user))
        .send(body);
    // Not a coordinator: 403 (or 404 for those who cannot see a request).
    expect((await post('staff', { action: 'publish' })).status).toBe(403);
    expect((await post('leader2', { action: 'publish' })).status).toBe(404);
    expect((await post('coord', { action: 'approve' })).status).toBe(409);
    expect(
      (await post('coord', { action: 'complete', peers: [] })).status,
    ).toBe(400);
    expect((await post('coord', { action: 'decline' })).status).toBe(400);
    expect((await post('coord', { action: 'fly' })).status).toBe(400);
    const published_ = await post('coord', { action: 'publish' });
    expect(published_.status).toBe(200);
    expect(published_.body.state).toBe('open');
    expect(notifications.map(n => n.recipients.entityRef)).toEqual([
      ['user:default/staff'],
    ]);
    expect(
      (await post('peer-asa', { action: 'cancel', reason: 'Nej' })).status,
    ).toBe(403);
    expect(
      (await post('leader2', { action: 'cancel', reason: 'Nej' })).status,
    ).toBe(403);
    const cancelled = await post('leader', {
      action: 'cancel',
      reason: 'Inställt',
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.history.map((h: any) => h.action)).toEqual([
      'created',
      'publish',
      'cancel',
    ]);
  });

  it('gives 2 places to exactly 2 of 50 simultaneous selections, the rest 409', async () => {
    const a = await create('leader', { peersWanted: 2 });
    const peers = Array.from({ length: 50 }, (_, i) => `peer-${i}`);
    for (const p of peers) {
      const res = await request(server)
        .post(`${API}/assignments/${a.id}/interest`)
        .set(as(p))
        .send({});
      expect(res.status).toBe(201);
    }
    const staffInterest = await request(server)
      .post(`${API}/assignments/${a.id}/interest`)
      .set(as('staff'))
      .send({});
    expect(staffInterest.status).toBe(403);
    const results = await Promise.all(
      peers.map(p =>
        request(server)
          .post(`${API}/assignments/${a.id}/selection`)
          .set(as('coord'))
          .send({ userRef: `user:default/${p}` }),
      ),
    );
    const statuses = results.map(r => r.status);
    expect(statuses.filter(s => s === 200)).toHaveLength(2);
    expect(statuses.filter(s => s === 409)).toHaveLength(48);
    const details = await request(server)
      .get(`${API}/assignments/${a.id}`)
      .set(as('coord'));
    expect(details.body.state).toBe('staffed');
    expect(details.body.selectedCount).toBe(2);
    // The selected peers and the unit were told.
    expect(
      notifications.filter(n => n.payload.severity === 'high'),
    ).toHaveLength(2);
    expect(
      notifications.some(n =>
        n.recipients.entityRef.includes('group:default/unit-a'),
      ),
    ).toBe(true);
  });

  it('completes, approves and exports a payroll file that is safe to open in Excel', async () => {
    const a = await create('leader', {
      title: '=HYPERLINK("http://evil.example")',
      peersWanted: 1,
      costCentre: 'KS-1',
      slots: [{ start: future(40, '09:00'), end: future(40, '12:30') }],
    });
    await request(server)
      .post(`${API}/assignments/${a.id}/interest`)
      .set(as('peer-asa'))
      .send({ message: 'Gärna' })
      .expect(201);
    await request(server)
      .post(`${API}/assignments/${a.id}/selection`)
      .set(as('coord'))
      .send({ userRef: 'user:default/peer-asa' })
      .expect(200);
    const completed = await request(server)
      .post(`${API}/assignments/${a.id}/transitions`)
      .set(as('leader'))
      .send({
        action: 'complete',
        peers: [
          { userRef: 'user:default/peer-asa', actualHours: 3.5, travel: true },
        ],
      });
    expect(completed.status).toBe(200);
    // 3.5 h: half day, 1 000,50 kr, plus 200 kr travel.
    expect(completed.body.honoraria[0]).toMatchObject({
      band: 'halfDay',
      feeOre: 100050,
      travelOre: 20000,
      totalOre: 120050,
      state: 'pending',
    });
    expect(published).toEqual([
      expect.objectContaining({
        topic: 'assignments.activity',
        eventPayload: expect.objectContaining({ kind: 'assignment-completed' }),
      }),
    ]);
    await request(server)
      .post(`${API}/assignments/${a.id}/transitions`)
      .set(as('leader'))
      .send({ action: 'approve' })
      .expect(403);
    await request(server)
      .post(`${API}/assignments/${a.id}/transitions`)
      .set(as('coord'))
      .send({ action: 'approve' })
      .expect(200);

    const day = future(40, '00:00').slice(0, 10);
    expect(
      (
        await request(server)
          .get(`${API}/honoraria/export.csv`)
          .query({ from: day, to: day })
          .set(as('leader'))
      ).status,
    ).toBe(403);
    expect(
      (
        await request(server)
          .get(`${API}/honoraria/export.csv`)
          .query({ from: day, to: '2000-01-01' })
          .set(as('coord'))
      ).status,
    ).toBe(400);
    const csv = await request(server)
      .get(`${API}/honoraria/export.csv`)
      .query({ from: day, to: day })
      .set(as('coord'))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', c => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toContain(
      `arvoden-${day}-${day}.csv`,
    );
    const bytes = csv.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'Person;Användare;Kostnadsställe;Datum;Uppdrag;Uppdrags-id;Timmar;Omfattning;Arvode (kr);Resa (kr);Summa (kr)',
    );
    expect(lines[1]).toContain('Åsa Lindqvist;user:default/peer-asa;KS-1;');
    // The formula is neutralised with a leading apostrophe, and quoted.
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(lines[1]).toContain(';3,5;halfDay;1000,50;200,00;1200,50');
    expect(lines[2]).toContain(';Summa;');
    expect(lines[2].endsWith(';1200,50')).toBe(true);

    // Exported once: the next export of the period is empty, a copy is not.
    const again = await request(server)
      .get(`${API}/honoraria/export.csv`)
      .query({ from: day, to: day })
      .set(as('coord'));
    expect(again.headers['x-export-count']).toBe('0');
    const batches = await request(server)
      .get(`${API}/honoraria/exports`)
      .set(as('coord'));
    const first = batches.body.find(
      (b: any) => b.id === csv.headers['x-export-batch'],
    );
    expect(first).toMatchObject({ count: 1, totalOre: 120050 });
    const copy = await request(server)
      .get(`${API}/honoraria/export.csv`)
      .query({ batch: first.id })
      .set(as('coord'));
    expect(copy.text).toContain('Åsa Lindqvist');
    const after = await request(server)
      .get(`${API}/assignments/${a.id}`)
      .set(as('peer-asa'));
    expect(after.body.state).toBe('exported');
    expect(after.body.allowedActions).toEqual(['feedback']);
    const feedback = await request(server)
      .post(`${API}/assignments/${a.id}/feedback`)
      .set(as('peer-asa'))
      .send({ rating: 6 });
    expect(feedback.status).toBe(400);
    expect(feedback.body.error.message).toContain('rating:');
    await request(server)
      .post(`${API}/assignments/${a.id}/feedback`)
      .set(as('peer-asa'))
      .send({ rating: 5, comment: 'Fint' })
      .expect(201);
    expect(auditEvents).toContain('payroll-export');
  });

  it('refuses bad paths and queries with a 400 naming the parameter', async () => {
    const bad = await request(server)
      .get(`${API}/assignments/not-a-uuid`)
      .set(as('staff'));
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('id:');
    const query = await request(server)
      .get(`${API}/assignments`)
      .query({ sort: 'random' })
      .set(as('staff'));
    expect(query.status).toBe(400);
    expect(query.body.error.message).toContain('sort:');
  });
});
