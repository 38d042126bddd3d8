import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import express from 'express';
import request from 'supertest';
import { createPersonalDataRouter } from './router';
import { ErasureOptions, PersonalDataProvider, RetentionPolicy } from './types';

const POLICY = {
  interestNotFollowedUpMonths: 12,
  rsvpNeedsAfterMeetingDays: 30,
  leftNetworkMonths: 24,
  erasureRecordsMonths: 36,
};

function app(provider: PersonalDataProvider) {
  const events: Array<{ eventId: string; outcome?: string }> = [];
  const auditor = mockServices.auditor.mock({
    async createEvent(options) {
      const entry: { eventId: string; outcome?: string } = {
        eventId: options.eventId,
      };
      events.push(entry);
      return {
        success: async () => {
          entry.outcome = 'success';
        },
        fail: async () => {
          entry.outcome = 'fail';
        },
      };
    },
  });
  const server = express();
  server.use(
    createPersonalDataRouter({
      provider,
      httpAuth: mockServices.httpAuth({
        defaultCredentials: mockCredentials.none(),
      }),
      auditor,
    }),
  );
  // The framework's error middleware, as far as these routes need it.
  server.use(
    (
      error: Error,
      _req: express.Request,
      res: express.Response,
      _next: express.NextFunction,
    ) => {
      const status =
        (
          {
            InputError: 400,
            AuthenticationError: 401,
            NotAllowedError: 403,
          } as Record<string, number>
        )[error.name] ?? 500;
      res
        .status(status)
        .json({ error: { name: error.name, message: error.message } });
    },
  );
  return { server, events };
}

const service = { Authorization: mockCredentials.service.header() };
const user = {
  Authorization: mockCredentials.user.header('user:default/asa'),
};

describe('createPersonalDataRouter', () => {
  const provider = {
    exportPersonalData: jest.fn(async (_userRef: string) => ({ a: 1 })),
    erasePersonalData: jest.fn(
      async (_userRef: string, _o?: ErasureOptions) => ({
        erased: 2,
        anonymised: 1,
        kept: [],
      }),
    ),
    applyRetention: jest.fn(async (_p: RetentionPolicy, _now: Date) => ({
      removed: [
        { rule: 'interestNotFollowedUpMonths' as const, what: 'x', count: 1 },
      ],
    })),
  };
  beforeEach(() => jest.clearAllMocks());

  it('exports for a service, with the ref normalised, as an audit event', async () => {
    const { server, events } = app(provider);
    const res = await request(server)
      .get('/.personal-data/export?userRef=User:default/asa')
      .set(service);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ userRef: 'user:default/asa', data: { a: 1 } });
    expect(provider.exportPersonalData).toHaveBeenCalledWith(
      'user:default/asa',
    );
    expect(events).toEqual([
      { eventId: 'personal-data-export', outcome: 'success' },
    ]);
  });

  it('refuses people and anonymous callers, and a ref that is not a user', async () => {
    const { server } = app(provider);
    for (const [method, path] of [
      ['get', '/.personal-data/export?userRef=user:default/asa'],
      ['post', '/.personal-data/erase?userRef=user:default/asa'],
      ['post', '/.personal-data/retention'],
    ] as const) {
      expect((await request(server)[method](path).set(user)).status).toBe(403);
      expect((await request(server)[method](path)).status).toBe(401);
    }
    const bad = await request(server)
      .get('/.personal-data/export?userRef=group:default/x')
      .set(service);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/userRef/);
    expect(provider.exportPersonalData).not.toHaveBeenCalled();
  });

  it('erases with the pseudonym it is given, and checks it', async () => {
    const { server, events } = app(provider);
    const res = await request(server)
      .post('/.personal-data/erase?userRef=user:default/asa')
      .set(service)
      .send({ pseudonym: 'user:erased/0b6c3c1e-5a7f-4c9e-9a55-3b1d2c4e5f60' });
    expect(res.status).toBe(200);
    expect(res.body.report).toEqual({ erased: 2, anonymised: 1, kept: [] });
    expect(provider.erasePersonalData).toHaveBeenCalledWith(
      'user:default/asa',
      { pseudonym: 'user:erased/0b6c3c1e-5a7f-4c9e-9a55-3b1d2c4e5f60' },
    );
    expect(events).toEqual([
      { eventId: 'personal-data-erase', outcome: 'success' },
    ]);

    const bad = await request(server)
      .post('/.personal-data/erase?userRef=user:default/asa')
      .set(service)
      .send({ pseudonym: 'user:default/someone-else' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/pseudonym/);
    expect(provider.erasePersonalData).toHaveBeenCalledTimes(1);
  });

  it('records a failed erasure as a failed audit event', async () => {
    const failing = {
      ...provider,
      erasePersonalData: jest.fn(async () => {
        throw new Error('database is down');
      }),
    };
    const { server, events } = app(failing);
    const res = await request(server)
      .post('/.personal-data/erase?userRef=user:default/asa')
      .set(service);
    expect(res.status).toBe(500);
    expect(events).toEqual([
      { eventId: 'personal-data-erase', outcome: 'fail' },
    ]);
  });

  it('applies retention from the given instant, and says when a plugin has none', async () => {
    const { server, events } = app(provider);
    const now = '2027-03-01T02:00:00.000Z';
    const res = await request(server)
      .post('/.personal-data/retention')
      .set(service)
      .send({ policy: POLICY, now });
    expect(res.status).toBe(200);
    expect(res.body.supported).toBe(true);
    expect(res.body.report.removed).toHaveLength(1);
    expect(provider.applyRetention).toHaveBeenCalledWith(POLICY, new Date(now));
    expect(events).toEqual([
      { eventId: 'personal-data-retention', outcome: 'success' },
    ]);

    const { applyRetention: _, ...withoutRetention } = provider;
    const none = app(withoutRetention);
    const res2 = await request(none.server)
      .post('/.personal-data/retention')
      .set(service)
      .send({ policy: POLICY, now });
    expect(res2.body).toEqual({ supported: false, report: { removed: [] } });

    const bad = await request(server)
      .post('/.personal-data/retention')
      .set(service)
      .send({ policy: { ...POLICY, leftNetworkMonths: 0 }, now });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/policy.leftNetworkMonths/);
  });
});
