import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
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
import {
  ErasureOptions,
  PersonalDataProvider,
  RetentionPolicy,
  createPersonalDataRouter,
} from '@internal/plugin-personal-data-node';
import Router from 'express-promise-router';
import request from 'supertest';
import { personalDataPlugin } from '../plugin';

jest.setTimeout(60_000);

/** Roles of the test users, and what the portal's policy grants them. */
const ROLE_OF: Record<string, string> = {
  'user:default/asa': 'peer',
  'user:default/omar': 'peer',
  'user:default/mia': 'coordinator',
  'user:default/karin': 'coordinator',
};
const GRANTS: Record<string, string[]> = {
  'personal-data.own': ['peer', 'coordinator'],
  'personal-data.manage': ['coordinator'],
};

type Call = { plugin: string; userRef: string; pseudonym?: string };
const erasures: Call[] = [];
const auditEvents: string[] = [];
/** How many more erasures fake-b refuses (a plugin that is down). */
let fakeBFailures = 0;

/** A plugin that holds personal data, as the four feature plugins do. */
function fakePlugin(
  pluginId: string,
  provider: (plugin: string) => PersonalDataProvider,
  extra?: (router: ReturnType<typeof Router>) => void,
) {
  return createBackendPlugin({
    pluginId,
    register(env) {
      env.registerInit({
        deps: {
          httpRouter: coreServices.httpRouter,
          httpAuth: coreServices.httpAuth,
          auditor: coreServices.auditor,
        },
        async init({ httpRouter, httpAuth, auditor }) {
          const router = Router();
          router.use(
            createPersonalDataRouter({
              provider: provider(pluginId),
              httpAuth,
              auditor,
            }),
          );
          extra?.(router);
          httpRouter.use(router);
        },
      });
    },
  });
}

const holding = (plugin: string): PersonalDataProvider => ({
  async exportPersonalData(userRef) {
    if (userRef !== 'user:default/asa') return undefined;
    return plugin === 'fake-a'
      ? {
          profile: { displayName: 'Åsa' },
          consents: [
            {
              field: 'story',
              granted: false,
              history: [
                { granted: true, at: '2026-01-01T10:00:00.000Z' },
                { granted: false, at: '2026-02-01T10:00:00.000Z' },
              ],
            },
          ],
        }
      : { answers: [{ meetingId: 'm1', needs: 'Rullstol' }] };
  },
  async erasePersonalData(userRef, options?: ErasureOptions) {
    if (plugin === 'fake-b' && fakeBFailures > 0) {
      fakeBFailures--;
      throw new Error('the database is down');
    }
    erasures.push({ plugin, userRef, pseudonym: options?.pseudonym });
    return {
      erased: 2,
      anonymised: 1,
      kept:
        plugin === 'fake-b'
          ? [{ what: '1 honoraria', reason: 'Bookkeeping: seven years' }]
          : [],
    };
  },
  ...(plugin === 'fake-a'
    ? {
        async applyRetention(policy: RetentionPolicy) {
          return {
            removed: [
              {
                rule: 'leftNetworkMonths' as const,
                what: 'profiles of people who left',
                count: policy.leftNetworkMonths === 24 ? 1 : 0,
              },
            ],
            peopleToErase: ['user:default/leaver'],
          };
        },
      }
    : {}),
});

async function startPlugin() {
  const permissions = rolePermissionsMock(ref => ROLE_OF[ref], GRANTS);
  const auditor = recordingAuditorMock(auditEvents);
  const { server } = await startTestBackend({
    features: [
      personalDataPlugin,
      fakePlugin('fake-a', holding, router =>
        router.get('/consent-changes', (req, res) => {
          if (req.query.cursor === 'bad') {
            res.status(400).json({ error: { message: 'cursor' } });
            return;
          }
          res.json({
            items: [
              {
                userRef: 'user:default/asa',
                displayName: 'Åsa',
                field: 'story',
                granted: false,
                at: '2026-02-01T10:00:00.000Z',
              },
            ],
            nextCursor: req.query.since ? 'next' : undefined,
          });
        }),
      ),
      fakePlugin('fake-b', holding),
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
            metadata: { name: 'asa' },
            spec: { profile: { displayName: 'Åsa Lindqvist' } },
          },
        ],
      }),
      mockServices.rootConfig.factory({
        data: {
          personalData: {
            plugins: ['fake-a', 'fake-b'],
            consentPlugin: 'fake-a',
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
const API = '/api/personal-data';

describe('personal-data router', () => {
  let server: Awaited<ReturnType<typeof startPlugin>>;
  beforeAll(async () => {
    server = await startPlugin();
  });
  beforeEach(() => {
    auditEvents.splice(0);
    erasures.splice(0);
    fakeBFailures = 0;
  });

  it('answers 401 without a signed-in user and 403 to a person without a role', async () => {
    for (const path of ['/me', '/me/export', '/erasure-requests']) {
      expect((await request(server).get(`${API}${path}`)).status).toBe(401);
      expect(
        (await request(server).get(`${API}${path}`).set(as('nobody'))).status,
      ).toBe(403);
    }
    const post = await request(server)
      .post(`${API}/me/erasure-requests`)
      .set(as('nobody'))
      .send({});
    expect(post.status).toBe(403);
    expect(post.body.error.message).toContain('personal-data.own');
  });

  it('gives a person their rules and their requests', async () => {
    const res = await request(server).get(`${API}/me`).set(as('omar'));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      userRef: 'user:default/omar',
      displayName: 'user:default/omar',
      erasureRequests: [],
      policy: {
        interestNotFollowedUpMonths: 12,
        rsvpNeedsAfterMeetingDays: 30,
        leftNetworkMonths: 24,
        erasureRecordsMonths: 36,
      },
      plugins: ['fake-a', 'fake-b'],
    });
  });

  it('exports everything every plugin holds as one document, consents with their dates, as audit events', async () => {
    const res = await request(server).get(`${API}/me/export`).set(as('asa'));
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toMatchObject({
      format: 'peer-portal-personal-data/1',
      person: { userRef: 'user:default/asa', displayName: 'Åsa Lindqvist' },
      consents: [
        {
          pluginId: 'fake-a',
          field: 'story',
          granted: false,
          givenAt: '2026-01-01T10:00:00.000Z',
          withdrawnAt: '2026-02-01T10:00:00.000Z',
        },
      ],
      plugins: [
        { pluginId: 'fake-a', status: 'ok', data: { profile: {} } },
        {
          pluginId: 'fake-b',
          status: 'ok',
          data: { answers: [{ needs: 'Rullstol' }] },
        },
        { pluginId: 'personal-data', status: 'none' },
      ],
    });
    expect(auditEvents.sort()).toEqual([
      'personal-data-export',
      'personal-data-export',
      'personal-data-export',
    ]);
    const nothing = await request(server)
      .get(`${API}/me/export`)
      .set(as('omar'));
    expect(nothing.body.plugins.map((p: any) => p.status)).toEqual([
      'none',
      'none',
      'none',
    ]);
  });

  it('takes a request, lets only another coordinator confirm it, and erases with one pseudonym in every plugin', async () => {
    const asked = await request(server)
      .post(`${API}/me/erasure-requests`)
      .set(as('asa'))
      .send({});
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({
      status: 'pending',
      displayName: 'Åsa Lindqvist',
    });
    expect(auditEvents).toEqual(['erasure-request']);
    const twice = await request(server)
      .post(`${API}/me/erasure-requests`)
      .set(as('asa'))
      .send({});
    expect(twice.status).toBe(409);
    const extra = await request(server)
      .post(`${API}/me/erasure-requests`)
      .set(as('omar'))
      .send({ reason: 'x' });
    expect(extra.status).toBe(400);
    expect(extra.body.error.message).toContain('reason');

    // Peers neither see the queue nor decide.
    expect(
      (await request(server).get(`${API}/erasure-requests`).set(as('asa')))
        .status,
    ).toBe(403);
    const id = asked.body.id;
    expect(
      (
        await request(server)
          .post(`${API}/erasure-requests/${id}/confirm`)
          .set(as('asa'))
          .send({})
      ).status,
    ).toBe(403);

    const queue = await request(server)
      .get(`${API}/erasure-requests`)
      .query({ status: 'pending' })
      .set(as('mia'));
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((r: any) => r.id)).toContain(id);
    expect(queue.body.items[0].decidedByName).toBeUndefined();

    const confirmed = await request(server)
      .post(`${API}/erasure-requests/${id}/confirm`)
      .set(as('mia'))
      .send({});
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({
      status: 'completed',
      decidedBy: 'user:default/mia',
      steps: [
        { pluginId: 'fake-a', status: 'done', report: { erased: 2 } },
        {
          pluginId: 'fake-b',
          status: 'done',
          report: {
            kept: [{ what: '1 honoraria', reason: 'Bookkeeping: seven years' }],
          },
        },
      ],
    });
    expect(erasures.map(e => [e.plugin, e.userRef])).toEqual([
      ['fake-a', 'user:default/asa'],
      ['fake-b', 'user:default/asa'],
    ]);
    expect(erasures[0].pseudonym).toMatch(/^user:erased\/[0-9a-f-]{36}$/);
    expect(erasures[1].pseudonym).toBe(erasures[0].pseudonym);
    // The refused second request is an audit event too (a failed one).
    expect(auditEvents).toEqual([
      'erasure-request',
      'erasure-request',
      'erasure-confirm',
      'erasure-run',
      'personal-data-erase',
      'personal-data-erase',
    ]);

    const again = await request(server)
      .post(`${API}/erasure-requests/${id}/confirm`)
      .set(as('karin'))
      .send({});
    expect(again.status).toBe(409);
    const mine = await request(server).get(`${API}/me`).set(as('asa'));
    expect(mine.body.erasureRequests[0]).toMatchObject({
      id,
      status: 'completed',
    });
  });

  it('resumes an erasure that stopped half-way, without asking the plugins that are done again', async () => {
    fakeBFailures = 1;
    const { body: asked } = await request(server)
      .post(`${API}/me/erasure-requests`)
      .set(as('omar'))
      .send({});
    const stopped = await request(server)
      .post(`${API}/erasure-requests/${asked.id}/confirm`)
      .set(as('karin'))
      .send({});
    expect(stopped.status).toBe(200);
    expect(stopped.body).toMatchObject({
      status: 'in-progress',
      lastError: expect.stringContaining('fake-b'),
      steps: [
        { pluginId: 'fake-a', status: 'done' },
        { pluginId: 'fake-b', status: 'failed' },
      ],
    });
    expect(erasures.map(e => e.plugin)).toEqual(['fake-a']);

    const resumed = await request(server)
      .post(`${API}/erasure-requests/${asked.id}/run`)
      .set(as('karin'))
      .send({});
    expect(resumed.status).toBe(200);
    expect(resumed.body.status).toBe('completed');
    expect(resumed.body.lastError).toBeUndefined();
    expect(erasures.map(e => e.plugin)).toEqual(['fake-a', 'fake-b']);
    expect(erasures[1].pseudonym).toBe(erasures[0].pseudonym);

    const done = await request(server)
      .post(`${API}/erasure-requests/${asked.id}/run`)
      .set(as('karin'))
      .send({});
    expect(done.status).toBe(400);
  });

  it('rejects with a reason, and never lets a coordinator decide their own request', async () => {
    const { body: own } = await request(server)
      .post(`${API}/me/erasure-requests`)
      .set(as('mia'))
      .send({});
    const self = await request(server)
      .post(`${API}/erasure-requests/${own.id}/reject`)
      .set(as('mia'))
      .send({ reason: 'Nej' });
    expect(self.status).toBe(403);
    const noReason = await request(server)
      .post(`${API}/erasure-requests/${own.id}/reject`)
      .set(as('karin'))
      .send({ reason: '  ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toContain('reason');
    const rejected = await request(server)
      .post(`${API}/erasure-requests/${own.id}/reject`)
      .set(as('karin'))
      .send({ reason: 'Uppgifterna behövs för en pågående utbetalning' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      rejectReason: 'Uppgifterna behövs för en pågående utbetalning',
      decidedBy: 'user:default/karin',
      decidedByName: 'user:default/karin',
    });
    const unknown = await request(server)
      .post(
        `${API}/erasure-requests/00000000-0000-4000-8000-000000000000/confirm`,
      )
      .set(as('karin'))
      .send({});
    expect(unknown.status).toBe(404);
    const badId = await request(server)
      .get(`${API}/erasure-requests/not-an-id`)
      .set(as('karin'));
    expect(badId.status).toBe(400);
    expect(badId.body.error.message).toContain('id');
  });

  it('lets a person withdraw their own pending request, and nobody else’s', async () => {
    const { body: asked } = await request(server)
      .post(`${API}/me/erasure-requests`)
      .set(as('omar'))
      .send({});
    const other = await request(server)
      .post(`${API}/me/erasure-requests/${asked.id}/withdraw`)
      .set(as('asa'))
      .send({});
    expect(other.status).toBe(404);
    const badBody = await request(server)
      .post(`${API}/me/erasure-requests/${asked.id}/withdraw`)
      .set(as('omar'))
      .send({ status: 'completed' });
    expect(badBody.status).toBe(400);
    auditEvents.splice(0);
    const withdrawn = await request(server)
      .post(`${API}/me/erasure-requests/${asked.id}/withdraw`)
      .set(as('omar'))
      .send({});
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({
      status: 'withdrawn',
      decidedBy: 'user:default/omar',
    });
    expect(auditEvents).toEqual(['erasure-withdraw']);
    const twice = await request(server)
      .post(`${API}/me/erasure-requests/${asked.id}/withdraw`)
      .set(as('omar'))
      .send({});
    expect(twice.status).toBe(409);
    const confirm = await request(server)
      .post(`${API}/erasure-requests/${asked.id}/confirm`)
      .set(as('karin'))
      .send({});
    expect(confirm.status).toBe(409);
    const me = await request(server).get(`${API}/me`).set(as('omar'));
    expect(me.body.erasureRequests[0].status).toBe('withdrawn');
  });

  it('lists consent changes from the peer directory’s API for coordinators, as an audit event', async () => {
    expect(
      (await request(server).get(`${API}/consent-changes`).set(as('asa')))
        .status,
    ).toBe(403);
    const res = await request(server)
      .get(`${API}/consent-changes`)
      .query({ months: 3 })
      .set(as('mia'));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      items: [
        {
          userRef: 'user:default/asa',
          displayName: 'Åsa',
          field: 'story',
          granted: false,
          at: '2026-02-01T10:00:00.000Z',
        },
      ],
      nextCursor: 'next',
    });
    expect(auditEvents).toEqual(['consent-log-read']);
    const months = await request(server)
      .get(`${API}/consent-changes`)
      .query({ months: 25 })
      .set(as('mia'));
    expect(months.status).toBe(400);
    expect(months.body.error.message).toContain('months');
    const cursor = await request(server)
      .get(`${API}/consent-changes`)
      .query({ cursor: 'bad' })
      .set(as('mia'));
    expect(cursor.status).toBe(400);
    expect(cursor.body.error.message).toContain('cursor');
  });

  it('applies the retention rules in every plugin and erases the people they name', async () => {
    expect(
      (await request(server).post(`${API}/retention/runs`).set(as('asa')))
        .status,
    ).toBe(403);
    const res = await request(server)
      .post(`${API}/retention/runs`)
      .set(as('mia'))
      .send({});
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      trigger: 'manual',
      startedBy: 'user:default/mia',
      status: 'completed',
      erasures: 1,
      plugins: [
        {
          pluginId: 'fake-a',
          status: 'done',
          removed: [{ rule: 'leftNetworkMonths', count: 1 }],
        },
        { pluginId: 'fake-b', status: 'not-supported', removed: [] },
      ],
    });
    expect(erasures.map(e => [e.plugin, e.userRef])).toEqual([
      ['fake-a', 'user:default/leaver'],
      ['fake-b', 'user:default/leaver'],
    ]);
    expect(auditEvents).toContain('retention-run');
    const runs = await request(server)
      .get(`${API}/retention/runs`)
      .set(as('mia'));
    expect(runs.body.items[0].id).toBe(res.body.id);
    const list = await request(server)
      .get(`${API}/erasure-requests`)
      .set(as('mia'));
    expect(list.body.items[0]).toMatchObject({
      userRef: 'user:default/leaver',
      origin: 'retention',
      status: 'completed',
    });
  });
});
