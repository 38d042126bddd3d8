import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { createPersonalDataRouter } from '@internal/plugin-personal-data-node';
import {
  PortalTestBackend,
  demoSignIn,
  startPortalBackend,
  testDatabaseIds,
  waitForOrganisation,
} from './__testUtils__/portalBackend';

jest.setTimeout(240_000);

/**
 * A plugin between the portal's own in the erasure's order that fails the
 * first time it is asked: the run stops half-way, as it would if a
 * plugin were down or a replica went away, and is run again.
 */
let flakyFailures = 0;
const flakyPlugin = createBackendPlugin({
  pluginId: 'flaky-test',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auditor: coreServices.auditor,
      },
      async init({ httpRouter, httpAuth, auditor }) {
        httpRouter.use(
          createPersonalDataRouter({
            httpAuth,
            auditor,
            provider: {
              exportPersonalData: async () => undefined,
              erasePersonalData: async () => {
                if (flakyFailures > 0) {
                  flakyFailures--;
                  throw new Error('flaky-test is down');
                }
                return { erased: 0, anonymised: 0, kept: [] };
              },
            },
          }),
        );
      },
    });
  },
});

const PLUGINS = [
  'peer-directory',
  'assignments',
  'flaky-test',
  'network-meetings',
  'evaluation',
];

describe.each(testDatabaseIds())(
  'personal data across the portal on %s',
  databaseId => {
    let backend: PortalTestBackend;
    const tokens: Record<string, string> = {};

    async function call(
      user: string,
      path: string,
      init: { method?: string; body?: unknown } = {},
    ) {
      const res = await fetch(`${backend.baseUrl}/api${path}`, {
        method: init.method ?? 'GET',
        headers: {
          authorization: `Bearer ${tokens[user]}`,
          ...(init.body === undefined
            ? {}
            : { 'content-type': 'application/json' }),
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    }

    const totals = async () =>
      (await call('helena.strand', '/evaluation/metrics')).body.totals;

    /** Portal-wide search (Backstage search) for Omar in the directory. */
    const searchOmar = async () => {
      const res = await call(
        'peter.aberg',
        '/search/query?term=Omar&types%5B0%5D=peer-directory',
      );
      return (res.body?.results ?? []).map((r: any) => r.document.title);
    };
    const poll = async (check: () => Promise<boolean>, ms: number) => {
      const deadline = Date.now() + ms;
      while (!(await check()) && Date.now() < deadline) {
        await new Promise(r => setTimeout(r, 500));
      }
      return check();
    };

    beforeAll(async () => {
      backend = await startPortalBackend({
        databaseId,
        features: [flakyPlugin],
        config: {
          assignments: { demoData: true },
          networkMeetings: { demoData: true },
          evaluation: { demoData: true },
          personalData: {
            plugins: PLUGINS,
            // The test runs the erasure again itself: the scheduled resume
            // must not finish it first, between its half-way checks.
            erasure: {
              resumeSchedule: {
                frequency: { hours: 24 },
                timeout: { minutes: 30 },
                initialDelay: { hours: 1 },
              },
            },
          },
        },
      });
      await waitForOrganisation(backend.baseUrl);
      for (const user of [
        'omar.haddad',
        'mia.nordlund',
        'helena.strand',
        'peter.aberg',
      ]) {
        const body = await (await demoSignIn(backend.baseUrl, user)).json();
        tokens[user] = body.backstageIdentity.token;
      }
      // The evaluation pulls the board's and the calendar's demo facts
      // shortly after start: wait until both are in and nothing moves.
      const deadline = Date.now() + 120_000;
      let last = '';
      while (Date.now() < deadline) {
        const t = await totals();
        const now = JSON.stringify(t);
        if (
          t?.assignmentsCompleted > 0 &&
          t?.meetingAttendance > 0 &&
          now === last
        ) {
          break;
        }
        last = now;
        await new Promise(r => setTimeout(r, 2000));
      }
    });

    afterAll(async () => {
      await backend?.stop();
    });

    it('exports, erases half-way, resumes, and leaves nothing of the person while the dashboards stay the same', async () => {
      const before = await totals();
      expect(before.assignmentsCompleted).toBeGreaterThan(0);
      // Search has indexed the directory (15 s after start, then every 10
      // minutes): Omar is found.
      expect(
        await poll(
          async () => (await searchOmar()).includes('Omar Haddad'),
          90_000,
        ),
      ).toBe(true);

      // 1. Omar's export: one document with every plugin's part.
      const exported = await call('omar.haddad', '/personal-data/me/export');
      expect(exported.status).toBe(200);
      const parts = Object.fromEntries(
        exported.body.plugins.map((p: any) => [p.pluginId, p]),
      );
      expect(parts['peer-directory'].status).toBe('ok');
      expect(parts['peer-directory'].data.profile.displayName).toBe(
        'Omar Haddad',
      );
      expect(parts.assignments.status).toBe('ok');
      expect(parts.assignments.data.interests.length).toBeGreaterThan(0);
      expect(parts['network-meetings'].status).toBe('ok');
      expect(JSON.stringify(parts['network-meetings'].data)).toContain(
        'Glutenfritt',
      );
      expect(parts.evaluation.status).toBe('ok');
      expect(parts['flaky-test'].status).toBe('none');
      expect(exported.body.consents.map((c: any) => c.field).sort()).toEqual([
        'experience',
        'story',
      ]);

      // 2. He asks for erasure; a coordinator confirms; a plugin fails
      //    half-way through.
      const asked = await call(
        'omar.haddad',
        '/personal-data/me/erasure-requests',
        {
          method: 'POST',
          body: {},
        },
      );
      expect(asked.status).toBe(201);
      flakyFailures = 1;
      const stopped = await call(
        'mia.nordlund',
        `/personal-data/erasure-requests/${asked.body.id}/confirm`,
        { method: 'POST', body: {} },
      );
      expect(stopped.status).toBe(200);
      expect(stopped.body.status).toBe('in-progress');
      expect(
        stopped.body.steps.map((s: any) => [s.pluginId, s.status]),
      ).toEqual([
        ['peer-directory', 'done'],
        ['assignments', 'done'],
        ['flaky-test', 'failed'],
        ['network-meetings', 'pending'],
        ['evaluation', 'pending'],
      ]);
      const assignmentsStep = stopped.body.steps[1];
      expect(assignmentsStep.report.kept).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            reason: expect.stringMatching(/Bookkeeping/),
          }),
        ]),
      );
      // Half-way: the profile is gone, the answers to meetings are not yet.
      expect(
        (await call('omar.haddad', '/peer-directory/profiles/me')).status,
      ).toBe(404);
      const halfway = await call('omar.haddad', '/personal-data/me/export');
      const halfParts = Object.fromEntries(
        halfway.body.plugins.map((p: any) => [p.pluginId, p.status]),
      );
      expect(halfParts['peer-directory']).toBe('none');
      expect(halfParts['network-meetings']).toBe('ok');

      // 3. Run again: it resumes at the plugin that failed.
      const resumed = await call(
        'mia.nordlund',
        `/personal-data/erasure-requests/${asked.body.id}/run`,
        { method: 'POST', body: {} },
      );
      expect(resumed.status).toBe(200);
      expect(resumed.body.status).toBe('completed');
      expect(resumed.body.steps.every((s: any) => s.status === 'done')).toBe(
        true,
      );
      expect(resumed.body.steps[0].attempts).toBe(1);

      // 4. Nothing of Omar is left anywhere, and nobody finds him.
      const after = await call('omar.haddad', '/personal-data/me/export');
      const left = Object.fromEntries(
        after.body.plugins.map((p: any) => [p.pluginId, p]),
      );
      for (const plugin of [
        'peer-directory',
        'network-meetings',
        'evaluation',
        'flaky-test',
      ]) {
        expect({ plugin, status: left[plugin].status }).toEqual({
          plugin,
          status: 'none',
        });
      }
      // Only the honoraria are kept, for the bookkeeping law, and his
      // request, as proof that it was carried out.
      expect(left.assignments.data.interests).toEqual([]);
      expect(left.assignments.data.feedback).toEqual([]);
      expect(left.assignments.data.honoraria.length).toBeGreaterThan(0);
      expect(left['personal-data'].data.erasureRequests[0].status).toBe(
        'completed',
      );
      const search = await call(
        'peter.aberg',
        '/peer-directory/profiles?q=Omar',
      );
      expect(search.body.items).toEqual([]);
      // The directory told search, which re-indexed at once rather than at
      // its next scheduled run, ten minutes on.
      expect(
        await poll(
          async () => !(await searchOmar()).includes('Omar Haddad'),
          30_000,
        ),
      ).toBe(true);

      // 5. The dashboards' figures are the same as before.
      expect(await totals()).toEqual(before);
      expect(
        (
          await call(
            'mia.nordlund',
            `/personal-data/erasure-requests/${asked.body.id}/run`,
            { method: 'POST', body: {} },
          )
        ).status,
      ).toBe(400);
    });
  },
);
