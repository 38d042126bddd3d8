import fc from 'fast-check';
import { outcomeInputSchema } from '@internal/plugin-evaluation-common';
import { outcomeInputArb } from '@internal/plugin-evaluation-common/testUtils';
import {
  startSuiteBackend,
  SuiteBackend,
  testDatabaseIds,
} from './harness/backend';
import { dumpDifference } from './harness/dump';
import { envNumber, LONG, writeResult } from './harness/results';
import { internalBackendPlugins } from './harness/workspace';
import { fuzzCasesArb } from './fuzz/cases';
import { ROUTES, Actor } from './routeTable';
import { booking, meeting, ref, REQUESTS, World } from './authz/requests';
import { Callers, Request, USERS } from './harness/http';

jest.setTimeout(60 * 60_000);

const PLUGINS = internalBackendPlugins().map(p => p.pluginId);
/** Cases per plugin in CI (`./portal test --long`: 10,000 on each database). */
const DEFAULT_CASES = { SQLITE_3: 600, POSTGRES_15: 300 };
const SEED = envNumber('RELIABILITY_SEED', Date.now() % 1_000_000);

describe.each(testDatabaseIds())('every route on %s', databaseId => {
  let backend: SuiteBackend;
  let callers: Callers;

  beforeAll(async () => {
    backend = await startSuiteBackend({ databaseId });
    callers = new Callers(backend.baseUrl);
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('has a row in the route table for every route, and no row for a route that is gone', () => {
    const routes = backend.routes;
    expect(routes.length).toBeGreaterThan(40);
    const missing = routes.filter(r => !(r in ROUTES));
    const gone = Object.keys(ROUTES).filter(r => !routes.includes(r));
    if (missing.length || gone.length) {
      throw new Error(
        [
          missing.length
            ? `Routes without a row in packages/reliability/src/routeTable.ts (add one: input schemas, who fuzzes, the authorisation row):\n  ${missing.join(
                '\n  ',
              )}`
            : '',
          gone.length
            ? `Rows for routes that no longer exist:\n  ${gone.join('\n  ')}`
            : '',
        ]
          .filter(Boolean)
          .join('\n'),
      );
    }
  });

  it('gives every caller of every route the answer of the authorisation matrix', async () => {
    const world = new World(callers);
    const differences: string[] = [];
    let cells = 0;
    for (const [route, entry] of Object.entries(ROUTES)) {
      const build = REQUESTS[route];
      if (!build) {
        differences.push(`${route}: no request in authz/requests.ts`);
        continue;
      }
      for (const [actor, expected] of Object.entries(entry.access) as Array<
        [Actor, number]
      >) {
        const request = await build(world, actor, entry.ownerRole);
        const answer = await callers.send(actor, request, entry.ownerRole);
        cells += 1;
        if (answer.status !== expected) {
          differences.push(
            `${route} as ${actor}: expected ${expected}, got ${
              answer.status
            } ${String(answer.message ?? answer.text).slice(0, 160)}`,
          );
        }
      }
    }
    writeResult(`authorisation-${databaseId}`, {
      cells,
      differences: differences.length,
    });
    expect(differences).toEqual([]);
  });

  it('keeps each person to their own profile, interest, answer and feedback (IDOR)', async () => {
    const world = new World(callers);
    const [asa, omar] = USERS.peer;
    const send = (user: string, request: Request) =>
      callers.send({ user }, request);

    // Profile: Åsa consents to showing her story; another peer never sees it,
    // staff do; Omar's own update cannot reach Åsa's profile.
    expect(
      (
        await send(asa, {
          method: 'PUT',
          path: '/api/peer-directory/profiles/me/consent',
          body: { experience: true, story: true },
        })
      ).status,
    ).toBe(200);
    const asaId = await world.profileIdOf(asa);
    const before = (
      await send(USERS.staff[0], {
        method: 'GET',
        path: `/api/peer-directory/profiles/${asaId}`,
      })
    ).json;
    expect(before.story).toEqual(expect.any(String));
    const seenByPeer = (
      await send(omar, {
        method: 'GET',
        path: `/api/peer-directory/profiles/${asaId}`,
      })
    ).json;
    expect(seenByPeer.experience).toBeUndefined();
    expect(seenByPeer.story).toBeUndefined();
    const listed = (
      await send(omar, {
        method: 'GET',
        path: '/api/peer-directory/profiles',
        query: { userRef: ref(asa) },
      })
    ).json;
    expect(JSON.stringify(listed)).not.toContain(before.story);
    const hijack = await send(omar, {
      method: 'PUT',
      path: '/api/peer-directory/profiles/me',
      body: {
        ...((
          await REQUESTS['PUT /api/peer-directory/profiles/me'](world, 'peer')
        ).body as object),
        userRef: ref(asa),
        id: asaId,
      },
    });
    expect(hijack.status).toBe(400);
    expect(hijack.message).toMatch(/userRef/);
    expect(
      (
        await send(USERS.staff[0], {
          method: 'GET',
          path: `/api/peer-directory/profiles/${asaId}`,
        })
      ).json,
    ).toEqual(before);

    // Interest: Omar's withdrawal withdraws nothing of Åsa's, and he does not see hers.
    const open = await world.openAssignment();
    await world.showInterest(open, asa);
    expect(
      (
        await send(omar, {
          method: 'DELETE',
          path: `/api/assignments/assignments/${open}/interest`,
        })
      ).status,
    ).toBe(204);
    const asCoordinator = (
      await send(USERS.coordinator[0], {
        method: 'GET',
        path: `/api/assignments/assignments/${open}`,
      })
    ).json;
    expect(
      asCoordinator.interests.map((i: any) => [i.userRef, i.status]),
    ).toEqual([[ref(asa), 'interested']]);
    const asOmar = (
      await send(omar, {
        method: 'GET',
        path: `/api/assignments/assignments/${open}`,
      })
    ).json;
    expect(asOmar.interests).toEqual([]);

    // Answer: Omar's answer changes only his; he sees neither Åsa's needs nor the list.
    const meetingId = await world.meeting({ capacity: 5 });
    const M = `/api/network-meetings/meetings/${meetingId}`;
    expect(
      (
        await send(asa, {
          method: 'PUT',
          path: `${M}/rsvp`,
          body: { answer: 'yes', needs: 'Glutenfritt, tack' },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await send(omar, {
          method: 'PUT',
          path: `${M}/rsvp`,
          body: { answer: 'no' },
        })
      ).status,
    ).toBe(200);
    const omarView = await send(omar, { method: 'GET', path: M });
    expect(omarView.text).not.toContain('Glutenfritt');
    expect(
      (await send(omar, { method: 'GET', path: `${M}/attendees` })).status,
    ).toBe(403);
    const attendees = (
      await send(USERS.coordinator[0], {
        method: 'GET',
        path: `${M}/attendees`,
      })
    ).json.items;
    expect(attendees.find((a: any) => a.userRef === ref(asa))).toMatchObject({
      answer: 'yes',
      needs: 'Glutenfritt, tack',
    });

    // Feedback: Åsa's feedback is hers and the unit's to read; Omar may not give any.
    const done = await world.completedAssignment(asa);
    const A = `/api/assignments/assignments/${done}`;
    expect(
      (
        await send(asa, {
          method: 'POST',
          path: `${A}/feedback`,
          body: { rating: 2, comment: 'Hemligt omdöme' },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await send(omar, {
          method: 'POST',
          path: `${A}/feedback`,
          body: { rating: 5 },
        })
      ).status,
    ).toBe(403);
    const omarSees = await send(omar, { method: 'GET', path: A });
    expect(omarSees.text).not.toContain('Hemligt omdöme');
    expect(
      (await send(USERS['team-leader'][0], { method: 'GET', path: A })).text,
    ).toContain('Hemligt omdöme');
  });

  it('refuses fields that a caller may not set (mass assignment)', async () => {
    const world = new World(callers);
    const cases: Array<[string, Request]> = [
      [
        'state',
        {
          method: 'POST',
          path: '/api/assignments/assignments',
          body: { ...booking(), state: 'approved' },
        },
      ],
      [
        'createdBy',
        {
          method: 'POST',
          path: '/api/assignments/assignments',
          body: { ...booking(), createdBy: ref(USERS.coordinator[0]) },
        },
      ],
      [
        'honorariumOre',
        {
          method: 'PATCH',
          path: `/api/assignments/assignments/${await world.requestedAssignment()}`,
          body: { honorariumOre: 999999 },
        },
      ],
      [
        'totalOre',
        {
          method: 'POST',
          path: `/api/assignments/assignments/${await world.requestedAssignment()}/transitions`,
          body: { action: 'publish', totalOre: 1 },
        },
      ],
      [
        'membershipStatus',
        {
          method: 'PUT',
          path: '/api/peer-directory/profiles/me/consent',
          body: { experience: true, story: true, membershipStatus: 'active' },
        },
      ],
      [
        'status',
        {
          method: 'PUT',
          path: `/api/network-meetings/meetings/${await world.meeting()}/rsvp`,
          body: { answer: 'yes', status: 'confirmed' },
        },
      ],
      [
        'createdBy',
        {
          method: 'POST',
          path: '/api/network-meetings/meetings',
          body: { ...meeting(), createdBy: ref(USERS.peer[0]) },
        },
      ],
      [
        'userRef',
        {
          method: 'POST',
          path: '/api/evaluation/support-sessions',
          body: {
            date: '2026-01-05',
            unit: 'skane-malmo-avd-3',
            mode: 'ward',
            minutes: 30,
            topic: 'strengths',
            kind: 'first',
            userRef: ref(USERS.peer[0]),
          },
        },
      ],
    ];
    const users: Record<string, string> = {
      '/api/peer-directory': USERS.peer[0],
      '/api/evaluation': USERS['peer-supporter'][0],
    };
    const wrong: string[] = [];
    for (const [field, request] of cases) {
      let user =
        Object.entries(users).find(([p]) => request.path.startsWith(p))?.[1] ??
        USERS.coordinator[0];
      if (request.path.endsWith('/rsvp')) user = USERS.peer[0];
      else if (request.path.startsWith('/api/assignments'))
        user = USERS.staff[0];
      const answer = await callers.send({ user }, request);
      if (answer.status !== 400 || !String(answer.message).includes(field)) {
        wrong.push(
          `${request.method} ${request.path} with ${field}: ${answer.status} ${answer.message}`,
        );
      }
    }
    expect(wrong).toEqual([]);
  });

  it('gives nothing for a wrong or revoked calendar feed address', async () => {
    const world = new World(callers);
    const file = await world.feedFile(USERS.peer[0]);
    const path = `/api/network-meetings/feeds/${file}`;
    expect(
      (await callers.send('anonymous', { method: 'GET', path })).status,
    ).toBe(200);
    const wrongToken = `${file.slice(0, 10)}${
      file[10] === 'A' ? 'B' : 'A'
    }${file.slice(11)}`;
    const wrong = await callers.send('anonymous', {
      method: 'GET',
      path: `/api/network-meetings/feeds/${wrongToken}`,
    });
    expect(wrong.status).toBe(404);
    expect(wrong.text).not.toContain('BEGIN:VEVENT');
    // A new address replaces the old one.
    const second = await world.feedFile(USERS.peer[0]);
    expect(
      (await callers.send('anonymous', { method: 'GET', path })).status,
    ).toBe(404);
    expect(
      (
        await callers.send(
          { user: USERS.peer[0] },
          { method: 'DELETE', path: '/api/network-meetings/feeds/me' },
        )
      ).status,
    ).toBe(204);
    const revoked = await callers.send('anonymous', {
      method: 'GET',
      path: `/api/network-meetings/feeds/${second}`,
    });
    expect(revoked.status).toBe(404);
    expect(revoked.text).not.toContain('BEGIN:VCALENDAR');
  });

  it('answers every wrong input with a 4xx naming the field, never a 5xx, and stores nothing', async () => {
    const get = async (path: string, user: 'coordinator' | 'staff') =>
      (await callers.send(user, { method: 'GET', path })).json;
    const realParams: Record<string, Record<string, string[]>> = {
      'peer-directory': {
        id: (
          await get('/api/peer-directory/profiles?limit=5', 'coordinator')
        ).items.map((p: any) => p.id),
      },
      assignments: {
        id: (
          await get(
            '/api/assignments/assignments?view=all&limit=5',
            'coordinator',
          )
        ).items.map((a: any) => a.id),
      },
      'network-meetings': {
        id: (
          await get('/api/network-meetings/meetings?limit=5', 'staff')
        ).items.map((m: any) => m.id),
        file: [
          (
            await callers.send('peer', {
              method: 'POST',
              path: '/api/network-meetings/feeds/me',
            })
          ).json.url
            .split('/')
            .pop(),
        ],
      },
    };
    const perPlugin = envNumber(
      'RELIABILITY_CASES_PER_PLUGIN',
      LONG ? 10_000 : DEFAULT_CASES[databaseId],
    );
    await backend.settle();
    let baseline = await backend.dump();
    const figures: Record<
      string,
      {
        cases: number;
        status: Record<number, number>;
        fiveHundreds: number;
        accepted: number;
        unnamed: number;
        rowsWritten: number;
      }
    > = {};
    const failures: string[] = [];
    const started = Date.now();

    for (const plugin of PLUGINS) {
      const routes = Object.entries(ROUTES).filter(
        ([route, entry]) =>
          route.split(' ')[1].startsWith(`/api/${plugin}/`) && !entry.noFuzz,
      );
      if (!routes.length) continue;
      const perRoute = Math.ceil(perPlugin / routes.length);
      for (const [route, entry] of routes) {
        const arb = fuzzCasesArb({
          route,
          entry,
          realParams: realParams[plugin] ?? {},
          csv: entry.csvBody
            ? {
                fields: Object.keys(outcomeInputSchema.shape),
                valid: outcomeInputArb as fc.Arbitrary<Record<string, unknown>>,
              }
            : undefined,
        });
        const cases = fc.sample(arb, { numRuns: perRoute, seed: SEED });
        const figure = {
          cases: 0,
          status: {} as Record<number, number>,
          fiveHundreds: 0,
          accepted: 0,
          unnamed: 0,
          rowsWritten: 0,
        };
        const routeFailures: string[] = [];
        // Four at a time: some concurrency, like real traffic.
        const send = callers.send.bind(callers);
        for (let i = 0; i < cases.length; i += 4) {
          await Promise.all(
            cases.slice(i, i + 4).map(async c => {
              const answer = await send(
                entry.fuzzAs ?? 'coordinator',
                c.request,
              );
              figure.cases += 1;
              figure.status[answer.status] =
                (figure.status[answer.status] ?? 0) + 1;
              const what = `${route} [${c.part}] ${c.description} -> ${
                answer.status
              } ${String(answer.message ?? answer.text).slice(0, 300)}`;
              if (answer.status === 0) {
                figure.fiveHundreds += 1;
                routeFailures.push(`no answer: ${what}`);
              } else if (answer.status >= 500) {
                figure.fiveHundreds += 1;
                routeFailures.push(`5xx: ${what}`);
              } else if (answer.status < 400) {
                figure.accepted += 1;
                routeFailures.push(`accepted: ${what}`);
              } else if (
                answer.status === 400 &&
                c.names.length &&
                !c.names.some(n => String(answer.message).includes(n))
              ) {
                figure.unnamed += 1;
                routeFailures.push(
                  `message does not name ${c.names.join(' or ')}: ${what}`,
                );
              }
            }),
          );
        }
        const after = await backend.dump();
        const written = dumpDifference(baseline, after);
        figure.rowsWritten = written.length;
        baseline = after;
        if (written.length) {
          routeFailures.push(
            `rows written by rejected requests to ${route}:\n    ${written
              .slice(0, 10)
              .join('\n    ')}`,
          );
        }
        figures[route] = figure;
        failures.push(...routeFailures.slice(0, 8));
        if (routeFailures.length > 8)
          failures.push(
            `  … and ${routeFailures.length - 8} more for ${route}`,
          );
      }
    }

    const totals = Object.values(figures).reduce(
      (t, f) => ({
        cases: t.cases + f.cases,
        fiveHundreds: t.fiveHundreds + f.fiveHundreds,
        accepted: t.accepted + f.accepted,
        unnamed: t.unnamed + f.unnamed,
        rowsWritten: t.rowsWritten + f.rowsWritten,
      }),
      { cases: 0, fiveHundreds: 0, accepted: 0, unnamed: 0, rowsWritten: 0 },
    );
    writeResult(`bad-input-${databaseId}`, {
      seed: SEED,
      seconds: Math.round((Date.now() - started) / 1000),
      totals,
      routes: figures,
    });
    // eslint-disable-next-line no-console
    console.log(
      `bad input on ${databaseId}: seed ${SEED}, ${JSON.stringify(
        totals,
      )} in ${Math.round((Date.now() - started) / 1000)} s`,
    );
    expect(failures).toEqual([]);
  });
});
