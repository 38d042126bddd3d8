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
import { eventsServiceRef, EventParams } from '@backstage/plugin-events-node';
import {
  NotificationSendOptions,
  notificationService,
} from '@backstage/plugin-notifications-node';
import request from 'supertest';
import { networkMeetingsPlugin } from '../plugin';

// eslint-disable-next-line @backstage/no-undeclared-imports
const ICAL = require('ical.js');

jest.setTimeout(60_000);

/** The access each test user has, as the portal's policy grants it. */
const ROLE_OF: Record<string, string> = {
  'user:default/asa.lindqvist': 'peer',
  'user:default/omar.haddad': 'peer',
  'user:default/leila.karimi': 'staff',
  'user:default/elin.bergstrom': 'peer-supporter',
  'user:default/mia.nordlund': 'coordinator',
};
const GRANTS: Record<string, string[] | 'all'> = {
  'network-meetings.meeting.read': 'all',
  'network-meetings.meeting.manage': ['coordinator'],
  'network-meetings.answer.everyone': 'all',
  'network-meetings.answer.peers': ['peer', 'coordinator'],
  'network-meetings.answer.peer-supporters': ['peer-supporter', 'coordinator'],
};

const auditEvents: string[] = [];
const sent: NotificationSendOptions[] = [];
const published: EventParams[] = [];

async function startPlugin() {
  const permissions = rolePermissionsMock(ref => ROLE_OF[ref], GRANTS);
  const auditor = recordingAuditorMock(auditEvents);
  const backend = await startTestBackend({
    features: [
      networkMeetingsPlugin,
      permissions.factory,
      auditor.factory,
      mockServices.discovery.factory(),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      catalogServiceMock.factory({
        entities: [
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'User',
            metadata: { name: 'asa.lindqvist' },
            spec: { profile: { displayName: 'Åsa Lindqvist' } },
          },
        ],
      }),
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({
          send: async (options: NotificationSendOptions) => {
            sent.push(options);
          },
        }),
      }),
      createServiceFactory({
        service: eventsServiceRef,
        deps: {},
        factory: () => ({
          publish: async (params: EventParams) => {
            published.push(params);
          },
          subscribe: async () => {},
        }),
      }),
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          networkMeetings: { demoData: true },
        },
      }),
    ],
  });
  return backend;
}

const as = (user: string) => ({
  Authorization: mockCredentials.user.header(`user:default/${user}`),
});

const API = '/api/network-meetings';

const newMeeting = {
  title: 'Nätverksträff, våren',
  kind: 'network-meeting',
  agenda: ['Erfarenhetsutbyte; fika, och nyheter'],
  place: 'Ryhov, Jönköping',
  region: 'jonkoping',
  audience: 'everyone',
  capacity: 2,
  start: '2030-04-02T18:00',
  end: '2030-04-02T20:00',
};

describe('network meetings router', () => {
  let backend: Awaited<ReturnType<typeof startPlugin>>;
  let server: Awaited<ReturnType<typeof startPlugin>>['server'];
  beforeAll(async () => {
    backend = await startPlugin();
    server = backend.server;
  });
  afterAll(() => backend.stop());
  beforeEach(() => {
    auditEvents.splice(0);
    sent.splice(0);
    published.splice(0);
  });

  async function create(body: object = newMeeting) {
    const res = await request(server)
      .post(`${API}/meetings`)
      .set(as('mia.nordlund'))
      .send(body);
    expect(res.status).toBe(201);
    return res.body;
  }

  it('answers 401 without a signed-in user, except for a feed', async () => {
    for (const path of ['/meetings', '/feeds/me']) {
      expect((await request(server).get(`${API}${path}`)).status).toBe(401);
    }
    expect(
      (await request(server).post(`${API}/meetings`).send(newMeeting)).status,
    ).toBe(401);
    // A feed asks for no sign-in, but an unknown token finds nothing.
    const unknown = await request(server).get(
      `${API}/feeds/${'A'.repeat(43)}.ics`,
    );
    expect(unknown.status).toBe(404);
  });

  it('lists the demo meetings, and lets everyone signed in read them', async () => {
    const res = await request(server)
      .get(`${API}/meetings`)
      .query({ limit: 100 })
      .set(as('leila.karimi'));
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(8);
    const full = res.body.items.find(
      (m: any) => m.title === 'Vårens nätverksträff i Västra Götaland',
    );
    expect(full).toMatchObject({ confirmedCount: 10, waitlistCount: 3 });
    const asa = await request(server)
      .get(`${API}/meetings/${full.id}`)
      .set(as('asa.lindqvist'));
    expect(asa.body.myRsvp).toMatchObject({
      status: 'waitlisted',
      waitlistPosition: 3,
    });
  });

  it('lets only coordinators create, edit, cancel, see attendees and mark attendance', async () => {
    const meeting = await create();
    for (const user of ['asa.lindqvist', 'leila.karimi', 'elin.bergstrom']) {
      const calls = [
        request(server).post(`${API}/meetings`).send(newMeeting),
        request(server)
          .patch(`${API}/meetings/${meeting.id}`)
          .send({ title: 'x' }),
        request(server).delete(`${API}/meetings/${meeting.id}`),
        request(server).get(`${API}/meetings/${meeting.id}/attendees`),
        request(server)
          .post(`${API}/meetings/${meeting.id}/attendance`)
          .send({
            attendees: [{ userRef: 'user:default/x', attended: true }],
          }),
      ];
      for (const call of calls) {
        expect((await call.set(as(user))).status).toBe(403);
      }
    }
    const patched = await request(server)
      .patch(`${API}/meetings/${meeting.id}`)
      .set(as('mia.nordlund'))
      .send({ title: 'Nätverksträff, vårens' });
    expect(patched.status).toBe(200);
    expect(patched.body.title).toBe('Nätverksträff, vårens');
    expect(auditEvents).toEqual(['meeting-create', 'meeting-update']);
  });

  it.each([
    [{ ...newMeeting, kind: 'party' }, 'kind'],
    [{ ...newMeeting, title: '' }, 'title'],
    [{ ...newMeeting, bogus: 1 }, 'bogus'],
    [{ ...newMeeting, end: '2030-04-02T17:00' }, 'end'],
    [{ ...newMeeting, capacity: 0 }, 'capacity'],
    [{ ...newMeeting, start: '2030-02-30T18:00' }, 'start'],
    [{ ...newMeeting, place: null }, 'place'],
    [{ ...newMeeting, videoUrl: 'http://example.com/video' }, 'videoUrl'],
    [
      { ...newMeeting, recurrence: { frequency: 'weekly', interval: 1 } },
      'recurrence.until',
    ],
    [
      { ...newMeeting, start: '2030-03-31T02:30', end: '2030-03-31T04:00' },
      'start',
    ],
  ])(
    'refuses %j with a 400 that names %s, and stores nothing',
    async (body, field) => {
      const before = await request(server)
        .get(`${API}/meetings`)
        .query({ from: '2030-01-01', to: '2030-12-31' })
        .set(as('mia.nordlund'));
      const res = await request(server)
        .post(`${API}/meetings`)
        .set(as('mia.nordlund'))
        .send(body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(`${field}:`);
      const after = await request(server)
        .get(`${API}/meetings`)
        .query({ from: '2030-01-01', to: '2030-12-31' })
        .set(as('mia.nordlund'));
      expect(after.body.items.length).toBe(before.body.items.length);
    },
  );

  it.each([
    [{ limit: '500' }, 'limit'],
    [{ kind: 'party' }, 'kind'],
    [{ from: '2030-13-01' }, 'from'],
    [{ region: 'Skåne; DROP TABLE' }, 'region'],
    [{ cursor: 'nope' }, 'cursor'],
    [{ bogus: '1' }, 'bogus'],
  ])('refuses the query %j with a 400 that names %s', async (query, field) => {
    const res = await request(server)
      .get(`${API}/meetings`)
      .query(query)
      .set(as('asa.lindqvist'));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(`${field}:`);
  });

  it('puts the third yes on the waitlist, and gives them the place when someone says no', async () => {
    const meeting = await create();
    const answer = (user: string, body: object) =>
      request(server)
        .put(`${API}/meetings/${meeting.id}/rsvp`)
        .set(as(user))
        .send(body);
    expect(
      (await answer('asa.lindqvist', { answer: 'yes' })).body.rsvp,
    ).toMatchObject({
      status: 'confirmed',
    });
    await answer('omar.haddad', { answer: 'yes', needs: 'Glutenfritt' });
    const third = await answer('elin.bergstrom', { answer: 'yes' });
    expect(third.body.rsvp).toMatchObject({
      status: 'waitlisted',
      waitlistPosition: 1,
    });
    expect((await answer('asa.lindqvist', { answer: 'perhaps' })).status).toBe(
      400,
    );
    await answer('asa.lindqvist', { answer: 'no' });
    expect(sent).toEqual([
      expect.objectContaining({
        recipients: {
          type: 'entity',
          entityRef: ['user:default/elin.bergstrom'],
        },
      }),
    ]);
    expect(sent[0].payload.title).toMatch(/Du har fått en plats/);
    const elin = await request(server)
      .get(`${API}/meetings/${meeting.id}`)
      .set(as('elin.bergstrom'));
    expect(elin.body.myRsvp.status).toBe('confirmed');

    // Needs are for the organisers and the person only.
    expect(JSON.stringify(elin.body)).not.toContain('Glutenfritt');
    const omar = await request(server)
      .get(`${API}/meetings/${meeting.id}`)
      .set(as('omar.haddad'));
    expect(omar.body.myRsvp.needs).toBe('Glutenfritt');
    const attendees = await request(server)
      .get(`${API}/meetings/${meeting.id}/attendees`)
      .set(as('mia.nordlund'));
    expect(attendees.status).toBe(200);
    expect(
      attendees.body.items.map((a: any) => [a.userRef, a.status, a.needs]),
    ).toEqual([
      ['user:default/omar.haddad', 'confirmed', 'Glutenfritt'],
      ['user:default/elin.bergstrom', 'confirmed', ''],
      ['user:default/asa.lindqvist', 'declined', ''],
    ]);
    expect(
      attendees.body.items.find(
        (a: any) => a.userRef === 'user:default/asa.lindqvist',
      ).displayName,
    ).toBe('Åsa Lindqvist');

    // Attendance before the meeting is a conflict.
    const early = await request(server)
      .post(`${API}/meetings/${meeting.id}/attendance`)
      .set(as('mia.nordlund'))
      .send({
        attendees: [{ userRef: 'user:default/omar.haddad', attended: true }],
      });
    expect(early.status).toBe(409);
    expect(published).toEqual([]);
  });

  it('keeps audiences: a peer supporter cannot answer a meeting for peers', async () => {
    const meeting = await create({ ...newMeeting, audience: 'peers' });
    const res = await request(server)
      .put(`${API}/meetings/${meeting.id}/rsvp`)
      .set(as('elin.bergstrom'))
      .send({ answer: 'yes' });
    expect(res.status).toBe(403);
    const list = await request(server)
      .get(`${API}/meetings/${meeting.id}`)
      .set(as('elin.bergstrom'));
    expect(list.body.canAnswer).toBe(false);
  });

  it('answers 409 to a cancelled meeting, and tells everyone who answered', async () => {
    const meeting = await create();
    await request(server)
      .put(`${API}/meetings/${meeting.id}/rsvp`)
      .set(as('asa.lindqvist'))
      .send({ answer: 'maybe' });
    const cancel = await request(server)
      .delete(`${API}/meetings/${meeting.id}`)
      .set(as('mia.nordlund'));
    expect(cancel.status).toBe(200);
    expect(sent.map(s => s.recipients)).toEqual([
      { type: 'entity', entityRef: ['user:default/asa.lindqvist'] },
    ]);
    expect(sent[0].payload.title).toBe('Inställt: Nätverksträff, våren');
    const again = await request(server)
      .delete(`${API}/meetings/${meeting.id}`)
      .set(as('mia.nordlund'));
    expect(again.status).toBe(409);
    const answer = await request(server)
      .put(`${API}/meetings/${meeting.id}/rsvp`)
      .set(as('omar.haddad'))
      .send({ answer: 'yes' });
    expect(answer.status).toBe(409);
    const missing = await request(server)
      .get(`${API}/meetings/00000000-0000-4000-8000-000000000000`)
      .set(as('omar.haddad'));
    expect(missing.status).toBe(404);
    const badId = await request(server)
      .get(`${API}/meetings/not-an-id`)
      .set(as('omar.haddad'));
    expect(badId.status).toBe(400);
    expect(badId.body.error.message).toContain('id:');
  });

  it('gives a private feed that works without sign-in and stops after revoke', async () => {
    const meeting = await create({
      ...newMeeting,
      title: 'Feedträff',
      start: '2030-03-31T18:00',
      end: '2030-03-31T19:00',
    });
    await request(server)
      .put(`${API}/meetings/${meeting.id}/rsvp`)
      .set(as('omar.haddad'))
      .send({ answer: 'yes' });
    const created = await request(server)
      .post(`${API}/feeds/me`)
      .set(as('omar.haddad'));
    expect(created.status).toBe(201);
    const path = new URL(created.body.url).pathname;
    expect(path).toMatch(/^\/api\/network-meetings\/feeds\/[\w-]{43}\.ics$/);

    const feed = await request(server).get(path);
    expect(feed.status).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(feed.text));
    const events = calendar
      .getAllSubcomponents('vevent')
      .map((e: any) => new ICAL.Event(e));
    const mine = events.find((e: any) => e.summary === 'Feedträff');
    expect(mine).toBeDefined();
    expect(mine.startDate.toString()).toBe('2030-03-31T18:00:00');
    expect(
      mine.component.getFirstProperty('dtstart').getParameter('tzid'),
    ).toBe('Europe/Stockholm');

    const status = await request(server)
      .get(`${API}/feeds/me`)
      .set(as('omar.haddad'));
    expect(status.body.active).toBe(true);
    expect(
      (await request(server).delete(`${API}/feeds/me`).set(as('omar.haddad')))
        .status,
    ).toBe(204);
    expect((await request(server).get(path)).status).toBe(404);
    expect(
      (await request(server).get(`${API}/feeds/not-a-token.ics`)).status,
    ).toBe(400);
    expect(auditEvents).toContain('feed-create');
    expect(auditEvents).toContain('feed-revoke');
  });

  it('gives facts to services only', async () => {
    expect(
      (await request(server).get(`${API}/facts`).set(as('mia.nordlund')))
        .status,
    ).toBe(403);
    const res = await request(server)
      .get(`${API}/facts`)
      .set({ Authorization: mockCredentials.service.header() });
    expect(res.status).toBe(200);
    // The demo's two meetings held.
    expect(res.body.items).toHaveLength(2);
    expect(JSON.stringify(res.body)).not.toMatch(/user:default/);
    const bad = await request(server)
      .get(`${API}/facts`)
      .query({ after: 'x' })
      .set({ Authorization: mockCredentials.service.header() });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('after:');
  });

  it('marks attendance of a meeting held and publishes the counts as an event', async () => {
    const list = await request(server)
      .get(`${API}/meetings`)
      .query({ limit: 100 })
      .set(as('mia.nordlund'));
    const held = list.body.items.find(
      (m: any) => m.title === 'Nätverksträff i Jönköping',
    );
    const res = await request(server)
      .post(`${API}/meetings/${held.id}/attendance`)
      .set(as('mia.nordlund'))
      .send({
        attendees: [{ userRef: 'user:default/asa.lindqvist', attended: false }],
      });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ region: 'jonkoping', absent: 3 });
    expect(published).toEqual([
      {
        topic: 'network-meetings.attendance-recorded',
        eventPayload: res.body,
      },
    ]);
    const unknown = await request(server)
      .post(`${API}/meetings/${held.id}/attendance`)
      .set(as('mia.nordlund'))
      .send({
        attendees: [{ userRef: 'user:default/nobody', attended: true }],
      });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('attendees.0.userRef:');
  });
});
