import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  recordingAuditorMock,
  rolePermissionsMock,
} from '@internal/plugin-portal-node/testUtils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { PEER_DIRECTORY_PROFILES_TOPIC } from '@internal/plugin-peer-directory-common';
import request from 'supertest';
import { peerDirectoryPlugin } from '../plugin';

jest.setTimeout(30_000);

/** The access each test user has, as the portal's policy grants it. */
const ROLE_OF: Record<string, string> = {
  'user:default/peer': 'peer',
  'user:default/staff': 'staff',
  'user:default/coord': 'coordinator',
  'user:default/newcomer': 'peer',
};
const GRANTS: Record<string, string[] | 'all'> = {
  'peer-directory.profile.read': 'all',
  'peer-directory.own-profile.update': 'all',
  'peer-directory.sensitive.read': ['staff', 'coordinator'],
  'peer-directory.profile.manage': ['coordinator'],
};

const auditEvents: string[] = [];

/** What the directory published on its profiles topic (search listens). */
const published: unknown[] = [];

async function startPlugin() {
  const permissions = rolePermissionsMock(ref => ROLE_OF[ref], GRANTS);
  const auditor = recordingAuditorMock(auditEvents);
  const { server } = await startTestBackend({
    features: [
      peerDirectoryPlugin,
      mockServices.events.mock({
        async publish({ topic, eventPayload }) {
          if (topic === PEER_DIRECTORY_PROFILES_TOPIC) {
            published.push(eventPayload);
          }
        },
      }).factory,
      permissions.factory,
      auditor.factory,
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      catalogServiceMock.factory({
        entities: [
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'User',
            metadata: { name: 'newcomer' },
            spec: { profile: { displayName: 'Nora Nykomling' } },
          },
        ],
      }),
      mockServices.rootConfig.factory({
        data: { peerDirectory: { demoData: true } },
      }),
    ],
  });
  return server;
}

const as = (user: string) => ({
  Authorization: mockCredentials.user.header(`user:default/${user}`),
});

describe('peer directory router', () => {
  let server: Awaited<ReturnType<typeof startPlugin>>;
  beforeAll(async () => {
    server = await startPlugin();
  });
  beforeEach(() => {
    auditEvents.splice(0);
    published.splice(0);
  });

  it('answers 401 without a signed-in user', async () => {
    for (const path of [
      '/profiles',
      '/profiles/me',
      '/coverage',
      '/onboarding',
    ]) {
      const res = await request(server).get(`/api/peer-directory${path}`);
      expect(res.status).toBe(401);
    }
    const put = await request(server)
      .put('/api/peer-directory/profiles/me/consent')
      .send({ experience: true, story: true });
    expect(put.status).toBe(401);
  });

  it('lists the demo profiles, 20 a page, with a cursor to the next', async () => {
    const res = await request(server)
      .get('/api/peer-directory/profiles')
      .set(as('peer'));
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(20);
    expect(res.body.totalCount).toBeGreaterThan(50);
    expect(res.body.nextCursor).toEqual(expect.any(String));
    const next = await request(server)
      .get('/api/peer-directory/profiles')
      .query({ cursor: res.body.nextCursor })
      .set(as('peer'));
    expect(next.status).toBe(200);
    expect(next.body.items[0].id).not.toBe(res.body.items[0].id);
  });

  it('never gives lived experience to a peer, and gives consented experience to staff with an audit event', async () => {
    const forPeer = await request(server)
      .get('/api/peer-directory/profiles')
      .query({ limit: 100 })
      .set(as('peer'));
    expect(JSON.stringify(forPeer.body)).not.toMatch(/"story"|"experience"/);
    expect(auditEvents).toEqual([]);

    const forStaff = await request(server)
      .get('/api/peer-directory/profiles')
      .query({ limit: 100 })
      .set(as('staff'));
    expect(forStaff.body.items.some((p: any) => p.story)).toBe(true);
    expect(auditEvents).toEqual(['sensitive-read']);
  });

  it.each([
    [{ limit: '500' }, 'limit'],
    [{ limit: 'many' }, 'limit'],
    [{ role: 'admin' }, 'role'],
    [{ region: 'Skåne; DROP TABLE' }, 'region'],
    [{ bogus: '1' }, 'bogus'],
    [{ cursor: 'not-a-cursor' }, 'cursor'],
  ])('refuses the query %j with a 400 that names %s', async (query, field) => {
    const res = await request(server)
      .get('/api/peer-directory/profiles')
      .query(query)
      .set(as('staff'));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(field);
  });

  it('registers interest once, then refuses a second time with 409', async () => {
    const first = await request(server)
      .post('/api/peer-directory/interest')
      .set(as('newcomer'))
      .send({ role: 'peer', region: 'jonkoping', message: 'Hej!' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      displayName: 'Nora Nykomling',
      membershipStatus: 'interested',
    });
    const again = await request(server)
      .post('/api/peer-directory/interest')
      .set(as('newcomer'))
      .send({ role: 'peer', region: 'jonkoping' });
    expect(again.status).toBe(409);
  });

  it('lets only coordinators see the onboarding queue and change status or training', async () => {
    const peerTries = await request(server)
      .get('/api/peer-directory/onboarding')
      .set(as('peer'));
    expect(peerTries.status).toBe(403);
    const queue = await request(server)
      .get('/api/peer-directory/onboarding')
      .set(as('coord'));
    expect(queue.status).toBe(200);
    const nora = queue.body.items.find(
      (e: any) => e.displayName === 'Nora Nykomling',
    );
    expect(nora).toBeDefined();

    const staffTries = await request(server)
      .post(`/api/peer-directory/profiles/${nora.id}/status`)
      .set(as('staff'))
      .send({ status: 'active' });
    expect(staffTries.status).toBe(403);

    const training = await request(server)
      .post(`/api/peer-directory/profiles/${nora.id}/training`)
      .set(as('coord'))
      .send({
        kind: 'recovery-college-peer',
        completedOn: '2026-11-01',
        certified: true,
      });
    expect(training.status).toBe(201);
    const badDate = await request(server)
      .post(`/api/peer-directory/profiles/${nora.id}/training`)
      .set(as('coord'))
      .send({
        kind: 'recovery-college-peer',
        completedOn: '2026-02-30',
        certified: true,
      });
    expect(badDate.status).toBe(400);
    expect(badDate.body.error.message).toContain('completedOn');

    const activated = await request(server)
      .post(`/api/peer-directory/profiles/${nora.id}/status`)
      .set(as('coord'))
      .send({ status: 'active', reason: 'Utbildningen klar' });
    expect(activated.status).toBe(200);
    expect(activated.body.membershipStatus).toBe('active');
    // The request refused for its date never reached the store, so it
    // changed nothing and has no audit event.
    expect(auditEvents).toEqual(['training-record', 'status-change']);
    expect(published).toEqual([{ reason: 'status' }]);

    const badId = await request(server)
      .post('/api/peer-directory/profiles/not-a-uuid/status')
      .set(as('coord'))
      .send({ status: 'active' });
    expect(badId.status).toBe(400);
  });

  it("keeps a person's own profile, refusing fields they may not set and storing nothing on bad input", async () => {
    const before = await request(server)
      .get('/api/peer-directory/profiles/me')
      .set(as('newcomer'));
    expect(before.status).toBe(200);
    const valid = {
      displayName: 'Nora Nykomling',
      region: 'jonkoping',
      units: ['rjl-recovery-college'],
      languages: ['sv', 'fa'],
      supportModes: [],
      topics: [],
      assignmentTypes: ['share-story'],
      availability: 'available',
      pausedUntil: null,
      experience: ['own'],
      story: 'Min berättelse om återhämtning.',
    };
    const massAssignment = await request(server)
      .put('/api/peer-directory/profiles/me')
      .set(as('newcomer'))
      .send({
        ...valid,
        membershipStatus: 'active',
        userRef: 'user:default/coord',
      });
    expect(massAssignment.status).toBe(400);
    expect(massAssignment.body.error.message).toMatch(
      /membershipStatus|userRef/,
    );
    const pausedWithoutDate = await request(server)
      .put('/api/peer-directory/profiles/me')
      .set(as('newcomer'))
      .send({ ...valid, availability: 'paused' });
    expect(pausedWithoutDate.status).toBe(400);
    expect(pausedWithoutDate.body.error.message).toContain('pausedUntil');
    const unchanged = await request(server)
      .get('/api/peer-directory/profiles/me')
      .set(as('newcomer'));
    expect(unchanged.body).toEqual(before.body);
    expect(published).toEqual([]);

    const saved = await request(server)
      .put('/api/peer-directory/profiles/me')
      .set(as('newcomer'))
      .send(valid);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      languages: ['fa', 'sv'],
      story: valid.story,
    });
    expect(published).toEqual([{ reason: 'profile' }]);
  });

  it('shows a story to staff only after consent, and hides it again at once on withdrawal', async () => {
    const find = async () => {
      const res = await request(server)
        .get('/api/peer-directory/profiles')
        .query({ q: 'Nora' })
        .set(as('staff'));
      return res.body.items[0];
    };
    expect((await find()).story).toBeUndefined();
    const consent = await request(server)
      .put('/api/peer-directory/profiles/me/consent')
      .set(as('newcomer'))
      .send({ experience: true, story: true });
    expect(consent.status).toBe(200);
    expect((await find()).story).toBe('Min berättelse om återhämtning.');
    await request(server)
      .put('/api/peer-directory/profiles/me/consent')
      .set(as('newcomer'))
      .send({ experience: false, story: false });
    const after = await find();
    expect(after.story).toBeUndefined();
    expect(after.experience).toBeUndefined();
    const own = await request(server)
      .get('/api/peer-directory/profiles/me')
      .set(as('newcomer'));
    expect(own.body.consentHistory).toHaveLength(4);
  });

  it('gives the search collator public fields only, and only to a service', async () => {
    const asUser = await request(server)
      .get('/api/peer-directory/collator/documents')
      .set(as('staff'));
    expect(asUser.status).toBe(403);
    const anonymous = await request(server).get(
      '/api/peer-directory/collator/documents',
    );
    expect(anonymous.status).toBe(401);

    const seen: any[] = [];
    let cursor: string | undefined;
    do {
      const res = await request(server)
        .get('/api/peer-directory/collator/documents')
        .query(cursor ? { cursor } : {})
        .set({ Authorization: mockCredentials.service.header() });
      expect(res.status).toBe(200);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen.length).toBeGreaterThan(50);
    expect(JSON.stringify(seen)).not.toMatch(/"story"|"experience"/);
  });

  it('lists consent changes, newest first, for the personal-data service only', async () => {
    const path = '/api/peer-directory/consent-changes';
    expect(
      (
        await request(server)
          .get(path)
          .query({ since: '2000-01-01T00:00:00Z' })
          .set(as('coord'))
      ).status,
    ).toBe(403);
    const service = { Authorization: mockCredentials.service.header() };
    const bad = await request(server)
      .get(path)
      .query({ since: 'yesterday' })
      .set(service);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('since');

    const first = await request(server)
      .get(path)
      .query({ since: '2000-01-01T00:00:00Z', limit: 3 })
      .set(service);
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(3);
    // The newcomer's withdrawal (the test before) comes first.
    expect(first.body.items[0]).toMatchObject({
      userRef: 'user:default/newcomer',
      displayName: 'Nora Nykomling',
      granted: false,
    });
    const next = await request(server)
      .get(path)
      .query({
        since: '2000-01-01T00:00:00Z',
        limit: 3,
        cursor: first.body.nextCursor,
      })
      .set(service);
    expect(next.status).toBe(200);
    const ats = [...first.body.items, ...next.body.items].map(i => i.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    const none = await request(server)
      .get(path)
      .query({ since: '2999-01-01T00:00:00Z' })
      .set(service);
    expect(none.body.items).toEqual([]);
  });

  it('exports and erases a person for the personal-data service only', async () => {
    const asUser = await request(server)
      .get('/api/peer-directory/.personal-data/export')
      .query({ userRef: 'user:default/newcomer' })
      .set(as('newcomer'));
    expect(asUser.status).toBe(403);
    const service = { Authorization: mockCredentials.service.header() };
    const badRef = await request(server)
      .get('/api/peer-directory/.personal-data/export')
      .query({ userRef: 'group:default/skane' })
      .set(service);
    expect(badRef.status).toBe(400);
    expect(badRef.body.error.message).toContain('userRef');

    const exported = await request(server)
      .get('/api/peer-directory/.personal-data/export')
      .query({ userRef: 'user:default/newcomer' })
      .set(service);
    expect(exported.status).toBe(200);
    expect(exported.body.data.profile.displayName).toBe('Nora Nykomling');

    const erased = await request(server)
      .post('/api/peer-directory/.personal-data/erase')
      .query({ userRef: 'user:default/newcomer' })
      .set(service);
    expect(erased.status).toBe(200);
    expect(erased.body.report.erased).toBeGreaterThan(0);
    expect(auditEvents).toEqual([
      'personal-data-export',
      'personal-data-erase',
    ]);
    expect(published).toEqual([{ reason: 'erasure' }]);
    // Erasing again finds nothing and tells nobody.
    await request(server)
      .post('/api/peer-directory/.personal-data/erase')
      .query({ userRef: 'user:default/newcomer' })
      .set(service);
    expect(published).toHaveLength(1);
    const gone = await request(server)
      .get('/api/peer-directory/profiles/me')
      .set(as('newcomer'));
    expect(gone.status).toBe(404);
  });

  it('reports coverage by region and unit', async () => {
    const res = await request(server)
      .get('/api/peer-directory/coverage')
      .query({ region: 'skane' })
      .set(as('staff'));
    expect(res.status).toBe(200);
    expect(res.body.regions).toHaveLength(1);
    expect(res.body.regions[0].region).toBe('skane');
  });
});
