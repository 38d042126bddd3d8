import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import assignmentsBackend from '@internal/plugin-assignments-backend';
import evaluationBackend from '@internal/plugin-evaluation-backend';
import networkMeetingsBackend from '@internal/plugin-network-meetings-backend';
import peerDirectoryBackend from '@internal/plugin-peer-directory-backend';
import personalDataBackend from '@internal/plugin-personal-data-backend';
import request from 'supertest';

/*
 * Every change of data in every plugin is an audit event. This test finds
 * the plugins' routes in their express routers, so a route added tomorrow
 * is covered by construction: it fails here until it has a fixture (a
 * valid request) and emits an auditor event when called with it. The
 * stores run on SQLite and are empty, so most calls fail inside the
 * audited step (404, 409); the event is recorded all the same, with its
 * outcome.
 */

jest.setTimeout(120_000);

const ID = '0f4c3a2e-1111-4c4c-8888-000000000001';
const USER = 'user:default/asa.lindqvist';

/** A valid request for each mutating route. */
type Fixture = {
  body?: unknown;
  /** Sent as text with this content type instead of JSON. */
  text?: { content: string; type: string };
  query?: Record<string, string>;
  /** Who calls: a signed-in person (default) or another plugin. */
  as?: 'user' | 'service';
};

const FIXTURES: Record<string, Fixture> = {
  // The personal-data routes every plugin mounts (personal-data-node).
  'POST /.personal-data/erase': { as: 'service', query: { userRef: USER } },
  'POST /.personal-data/retention': {
    as: 'service',
    body: {
      policy: {
        interestNotFollowedUpMonths: 12,
        rsvpNeedsAfterMeetingDays: 30,
        leftNetworkMonths: 24,
        erasureRecordsMonths: 36,
      },
      now: '2027-01-01T02:30:00.000Z',
    },
  },

  // Peer directory.
  'PUT peer-directory /profiles/me': {
    body: {
      displayName: 'Åsa Lindqvist',
      region: 'skane',
      units: [],
      languages: ['sv'],
      supportModes: [],
      topics: [],
      assignmentTypes: [],
      availability: 'available',
      pausedUntil: null,
      experience: [],
      story: '',
    },
  },
  'PUT peer-directory /profiles/me/consent': {
    body: { experience: false, story: false },
  },
  'POST peer-directory /interest': { body: { role: 'peer', region: 'skane' } },
  'POST peer-directory /profiles/:id/status': { body: { status: 'active' } },
  'POST peer-directory /profiles/:id/training': {
    body: {
      kind: 'supervision',
      completedOn: '2026-01-10',
      certified: false,
    },
  },

  // Assignment board.
  'POST assignments /assignments': {
    body: {
      title: 'Berätta om återhämtning på APT',
      type: 'share-story',
      description: 'Personalgruppen vill höra om vägen till återhämtning.',
      unit: 'skane-malmo-avd-3',
      contactName: 'Anders Holm',
      contactEmail: 'anders.holm@example.se',
      place: 'Konferensrum 3',
      slots: [{ start: '2099-12-10T13:00', end: '2099-12-10T15:00' }],
      estimatedHours: 2,
      peersWanted: 2,
      experienceWanted: 'either',
      language: 'sv',
      interestDeadline: '2099-12-01',
      costCentre: 'KS-4711',
    },
  },
  'PATCH assignments /assignments/:id': { body: { title: 'Ny rubrik' } },
  'POST assignments /assignments/:id/interest': { body: {} },
  'DELETE assignments /assignments/:id/interest': {},
  'POST assignments /assignments/:id/selection': { body: { userRef: USER } },
  'POST assignments /assignments/:id/transitions': {
    body: { action: 'publish' },
  },
  'POST assignments /assignments/:id/feedback': { body: { rating: 5 } },

  // Network meeting calendar.
  'POST network-meetings /meetings': {
    body: {
      title: 'Nätverksträff',
      kind: 'network-meeting',
      place: 'Ryhov, Jönköping',
      audience: 'everyone',
      start: '2099-04-13T18:00',
      end: '2099-04-13T20:00',
    },
  },
  'PATCH network-meetings /meetings/:id': { body: { title: 'Ny rubrik' } },
  'DELETE network-meetings /meetings/:id': {},
  'PUT network-meetings /meetings/:id/rsvp': { body: { answer: 'yes' } },
  'POST network-meetings /meetings/:id/attendance': {
    body: { attendees: [{ userRef: USER, attended: true }] },
  },
  'POST network-meetings /feeds/me': {},
  'DELETE network-meetings /feeds/me': {},

  // Evaluation.
  'POST evaluation /support-sessions': {
    body: {
      date: '2026-01-10',
      unit: 'skane-malmo-avd-3',
      mode: 'ward',
      minutes: 45,
      topic: 'strengths',
      kind: 'first',
    },
  },
  'POST evaluation /outcomes': {
    body: {
      unit: 'skane-malmo-avd-3',
      periodStart: '2026-01-01',
      periodEnd: '2026-03-31',
      inpatientDays: 120,
    },
  },
  'POST evaluation /outcomes/import': {
    text: {
      content: 'unit;periodStart;periodEnd;inpatientDays\n',
      type: 'text/csv',
    },
  },

  // Personal data.
  'POST personal-data /me/erasure-requests': { body: {} },
  'POST personal-data /me/erasure-requests/:id/withdraw': { body: {} },
  'POST personal-data /erasure-requests/:id/confirm': { body: {} },
  'POST personal-data /erasure-requests/:id/reject': {
    body: { reason: 'Uppgifterna behövs för en utbetalning' },
  },
  'POST personal-data /erasure-requests/:id/run': { body: {} },
  'POST personal-data /retention/runs': { body: {} },
};

/**
 * Routes that change nothing although their method is POST: the
 * permission framework's condition check (a read, evaluated per request).
 */
const NOT_CHANGES = new Set([
  'POST /.well-known/backstage/permissions/apply-conditions',
]);

const MUTATING = new Set(['post', 'put', 'patch', 'delete']);

type Route = { pluginId: string; method: string; path: string };

/** The mount path of a router used under a path (`router.use('/x', r)`). */
function mountPath(layer: any): string {
  if (layer.regexp?.fast_slash) return '';
  const match = /^\^\\\/(.*?)\\\/\?\(\?=\\\/\|\$\)$/.exec(
    layer.regexp?.source ?? '',
  );
  return match ? `/${match[1].replace(/\\\//g, '/')}` : '';
}

/** Every route of an express router and the routers it uses, with its methods. */
function routesOf(pluginId: string, router: any, prefix = ''): Route[] {
  const routes: Route[] = [];
  for (const layer of router?.stack ?? []) {
    if (layer.route) {
      for (const method of Object.keys(layer.route.methods)) {
        routes.push({
          pluginId,
          method: method.toUpperCase(),
          path: `${prefix}${layer.route.path}`,
        });
      }
    } else if (layer.handle?.stack) {
      routes.push(
        ...routesOf(pluginId, layer.handle, `${prefix}${mountPath(layer)}`),
      );
    }
  }
  return routes;
}

describe('audit coverage', () => {
  const handlers: Array<{ pluginId: string; handler: unknown }> = [];
  const events: Array<{ eventId: string; probe?: string; outcome?: string }> =
    [];
  let server: any;

  beforeAll(async () => {
    // The plugins' routers, recorded as they are handed to the framework.
    const recordingHttpRouter = createServiceFactory({
      service: coreServices.httpRouter,
      deps: {
        plugin: coreServices.pluginMetadata,
        rootHttpRouter: coreServices.rootHttpRouter,
      },
      async factory({ plugin, rootHttpRouter }) {
        const pluginId = plugin.getId();
        // One mount per plugin, its handlers in the order they came (as
        // the framework's own httpRouter does).
        const own: Array<(req: any, res: any, next: any) => void> = [];
        rootHttpRouter.use(`/api/${pluginId}`, (req, res, next) => {
          let i = 0;
          const step = (error?: unknown) => {
            if (error) {
              next(error);
              return;
            }
            const handler = own[i++];
            if (handler) handler(req, res, step);
            else next();
          };
          step();
        });
        return {
          use(handler) {
            handlers.push({ pluginId, handler });
            own.push(handler as (req: any, res: any, next: any) => void);
          },
          addAuthPolicy() {},
        };
      },
    });
    const auditor = mockServices.auditor.mock({
      async createEvent(options) {
        const event: (typeof events)[number] = {
          eventId: options.eventId,
          probe: options.request?.headers['x-audit-probe'] as
            | string
            | undefined,
        };
        events.push(event);
        return {
          success: async () => {
            event.outcome = 'success';
          },
          fail: async () => {
            event.outcome = 'fail';
          },
        };
      },
    });
    const permissions = mockServices.permissions.mock({
      async authorize(requests) {
        return requests.map(() => ({ result: AuthorizeResult.ALLOW })) as any;
      },
    });
    const unit = (name: string, parent: string) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name },
      spec: { type: 'unit', parent, children: [] },
    });
    const backend = await startTestBackend({
      features: [
        peerDirectoryBackend,
        assignmentsBackend,
        networkMeetingsBackend,
        evaluationBackend,
        personalDataBackend,
        recordingHttpRouter,
        auditor.factory,
        permissions.factory,
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
        // A peer supporter of one unit (the session log needs a unit).
        createServiceFactory({
          service: coreServices.userInfo,
          deps: {},
          factory: () =>
            mockServices.userInfo({
              ownershipEntityRefs: [USER, 'group:default/skane-malmo-avd-3'],
            }),
        }),
        catalogServiceMock.factory({
          entities: [
            unit('skane-malmo-avd-3', 'skane'),
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'User',
              metadata: { name: 'asa.lindqvist' },
              spec: { profile: { displayName: 'Åsa Lindqvist' } },
            },
          ],
        }),
        createServiceFactory({
          service: eventsServiceRef,
          deps: {},
          factory: () => ({
            publish: async () => {},
            subscribe: async () => {},
          }),
        }),
        createServiceFactory({
          service: notificationService,
          deps: {},
          factory: () => ({ send: async () => {} }),
        }),
        mockServices.rootConfig.factory({
          data: { app: { baseUrl: 'http://localhost:3000' } },
        }),
      ],
    });
    server = backend.server;
  });

  it('finds the routers of every feature plugin', () => {
    expect(new Set(handlers.map(h => h.pluginId))).toEqual(
      new Set([
        'peer-directory',
        'assignments',
        'network-meetings',
        'evaluation',
        'personal-data',
      ]),
    );
  });

  it('has every mutating route emit an auditor event', async () => {
    const routes = handlers
      .flatMap(h => routesOf(h.pluginId, h.handler))
      .filter(r => MUTATING.has(r.method.toLowerCase()));
    // Sanity: the walk sees the routes it should.
    expect(routes.length).toBeGreaterThan(30);

    const problems: string[] = [];
    for (const route of routes) {
      const generic = `${route.method} ${route.path}`;
      if (NOT_CHANGES.has(generic)) continue;
      const key = `${route.method} ${route.pluginId} ${route.path}`;
      const fixture = FIXTURES[key] ?? FIXTURES[generic];
      if (!fixture) {
        problems.push(`${key}: no fixture (add a valid request above)`);
        continue;
      }
      const path = route.path.replace(/:id\b/g, ID);
      const query = new URLSearchParams(fixture.query ?? {}).toString();
      let req = request(server)
        [route.method.toLowerCase() as 'post'](
          `/api/${route.pluginId}${path}${query ? `?${query}` : ''}`,
        )
        .set('x-audit-probe', key)
        .set(
          'Authorization',
          fixture.as === 'service'
            ? mockCredentials.service.header()
            : mockCredentials.user.header(USER),
        );
      if (fixture.text) {
        req = req
          .set('Content-Type', fixture.text.type)
          .send(fixture.text.content);
      } else if (fixture.body !== undefined) {
        req = req.send(fixture.body as object);
      }
      const res = await req;
      const emitted = events.filter(e => e.probe === key);
      if (!emitted.length) {
        problems.push(
          `${key}: no audit event (answered ${res.status}: ${JSON.stringify(
            res.body?.error?.message ?? res.text,
          ).slice(0, 200)})`,
        );
      } else if (emitted.some(e => !e.outcome)) {
        problems.push(`${key}: an audit event without success() or fail()`);
      }
    }
    expect(problems).toEqual([]);
  });
});
