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
import {
  ASSIGNMENTS_EVENT_TOPIC,
  AssignmentFact,
} from '@internal/plugin-assignments-common';
import { ATTENDANCE_RECORDED_TOPIC } from '@internal/plugin-network-meetings-common';
import request from 'supertest';
import { evaluationPlugin } from '../plugin';

jest.setTimeout(60_000);

/** Roles of the test users, by name prefix. */
function roleOf(userRef: string): string | undefined {
  const name = userRef.replace('user:default/', '');
  return ['manager', 'coord', 'leader', 'supporter', 'peer', 'staff'].find(r =>
    name.startsWith(r),
  );
}
/** The grants the portal policy should give (see the report). */
const GRANTS: Record<string, string[]> = {
  'evaluation.metrics.read-all': ['manager', 'coord'],
  'evaluation.metrics.read-units': ['leader'],
  'evaluation.metrics.read-own': ['peer', 'supporter'],
  'evaluation.session.create': ['supporter'],
  'evaluation.outcome.manage': ['manager', 'coord'],
};
/** The test users' catalog groups besides their role. */
const GROUPS: Record<string, string[]> = {
  'user:default/leader': ['unit-a'],
  'user:default/leader-of-region': ['skane'],
  'user:default/supporter': ['unit-c'],
  'user:default/supporter-elsewhere': ['unit-b'],
  'user:default/coord': ['skane'],
};

const auditEvents: string[] = [];
const subscribers: Array<{
  topics: string[];
  onEvent: (p: { topic: string; eventPayload: unknown }) => Promise<void>;
}> = [];

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
          'group:default/team-leader',
          ...(GROUPS[ref] ?? []).map(u => `group:default/${u}`),
        ],
      };
    },
  });
  const backend = await startTestBackend({
    features: [
      evaluationPlugin,
      permissions.factory,
      auditor.factory,
      userInfo.factory,
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      createServiceFactory({
        service: eventsServiceRef,
        deps: {},
        factory: () =>
          ({
            publish: async () => {},
            subscribe: async (s: any) => {
              subscribers.push(s);
            },
          } as any),
      }),
      catalogServiceMock.factory({
        entities: [
          ...['unit-a', 'unit-b', 'unit-c'].map(name => ({
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Group',
            metadata: { name, title: `Enhet ${name.slice(-1).toUpperCase()}` },
            spec: { type: 'unit', parent: 'skane', children: [] },
          })),
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Group',
            metadata: { name: 'skane' },
            spec: { type: 'region', children: [] },
          },
        ],
      }),
    ],
  });
  return backend;
}

const as = (name: string) => ({
  Authorization: mockCredentials.user.header(`user:default/${name}`),
});

let seq = 0;
function fact(unit: string, peerCount: number, workDate = '2026-11-10') {
  seq++;
  return {
    seq,
    kind: 'assignment-completed',
    assignmentId: `a-${seq}`,
    occurredAt: '2026-11-20T10:00:00.000Z',
    workDate,
    unit,
    region: 'skane',
    type: 'share-story',
    peers: Array.from({ length: peerCount }, (_, i) => ({
      peerRef: `user:default/peer${i}`,
      actualMinutes: 90,
    })),
  } satisfies AssignmentFact;
}

async function emit(topic: string, eventPayload: unknown) {
  for (const s of subscribers.filter(x => x.topics.includes(topic))) {
    await s.onEvent({ topic, eventPayload });
  }
}

const NOV = 'from=2026-11&to=2026-11';

describe('evaluation router', () => {
  let backend: Awaited<ReturnType<typeof startPlugin>>;
  let server: Awaited<ReturnType<typeof startPlugin>>['server'];
  beforeAll(async () => {
    backend = await startPlugin();
    server = backend.server;
  });
  afterAll(async () => {
    await backend.stop();
  });

  it('needs a signed-in caller, and a grant to read', async () => {
    await request(server).get(`/api/evaluation/metrics?${NOV}`).expect(401);
    const res = await request(server)
      .get(`/api/evaluation/metrics?${NOV}`)
      .set(as('staff'))
      .expect(403);
    expect(res.body.error.message).toContain('evaluation.metrics.read-own');
  });

  it('tells each role what it may see and do', async () => {
    const me = async (name: string) =>
      (await request(server).get('/api/evaluation/me').set(as(name))).body;
    expect(await me('manager')).toMatchObject({
      scope: 'all',
      canManageOutcomes: true,
      canLogSessions: false,
    });
    expect(await me('leader')).toMatchObject({
      scope: 'units',
      units: ['unit-a'],
    });
    // A member of a region group leads every unit of the region.
    expect(await me('leader-of-region')).toMatchObject({
      scope: 'units',
      units: ['unit-a', 'unit-b', 'unit-c'],
    });
    expect(await me('supporter')).toMatchObject({
      scope: 'own',
      canLogSessions: true,
    });
    expect(await me('staff')).toMatchObject({ scope: null });
  });

  it('answers 400 naming the field, for queries and bodies', async () => {
    const week = await request(server)
      .get(`/api/evaluation/metrics?${NOV}&groupBy=week`)
      .set(as('manager'))
      .expect(400);
    expect(week.body.error.message).toContain('groupBy');
    const half = await request(server)
      .get('/api/evaluation/metrics?from=2026-01')
      .set(as('manager'))
      .expect(400);
    expect(half.body.error.message).toContain('to:');
    const backwards = await request(server)
      .get('/api/evaluation/metrics?from=2026-05&to=2026-01')
      .set(as('manager'))
      .expect(400);
    expect(backwards.body.error.message).toContain('to: must not be before');
    const extra = await request(server)
      .get(`/api/evaluation/metrics?${NOV}&person=x`)
      .set(as('manager'))
      .expect(400);
    expect(extra.body.error.message).toContain('person');
  });

  it('counts activity from events once, in its month and unit', async () => {
    const first = fact('unit-a', 6, '2026-11-30');
    await emit(ASSIGNMENTS_EVENT_TOPIC, first);
    // The same fact again (the pull, or a replayed event) counts once.
    await emit(ASSIGNMENTS_EVENT_TOPIC, first);
    await emit(ASSIGNMENTS_EVENT_TOPIC, fact('unit-b', 2));
    // A bad payload is skipped, not counted.
    await emit(ASSIGNMENTS_EVENT_TOPIC, { ...fact('unit-a', 6), unit: '=1' });
    await emit(ATTENDANCE_RECORDED_TOPIC, {
      cursor: '1',
      occurrenceId: 'o1',
      meetingId: 'm1',
      kind: 'network-meeting',
      region: 'skane',
      audience: 'peers',
      startsAt: '2026-11-12T17:00:00.000Z',
      confirmed: 12,
      attended: 11,
      absent: 1,
      recordedAt: '2026-11-12T20:00:00.000Z',
    });

    const res = await request(server)
      .get('/api/evaluation/metrics?from=2026-10&to=2026-11&groupBy=month')
      .set(as('manager'))
      .expect(200);
    expect(res.body.groups.map((g: any) => g.key)).toEqual([
      '2026-10',
      '2026-11',
    ]);
    const nov = res.body.groups[1].figures;
    expect(nov.assignmentsCompleted).toBe(2);
    expect(nov.activePeers).toBe(6);
    expect(nov.meetingAttendance).toBe(11);
    const byUnit = await request(server)
      .get(`/api/evaluation/metrics?${NOV}&groupBy=unit`)
      .set(as('manager'))
      .expect(200);
    expect(
      Object.fromEntries(
        byUnit.body.groups.map((g: any) => [g.key, g.figures.hours]),
      ),
      // unit-b rests on two peers; unit-a is hidden too, or the total minus
      // unit-a would give unit-b away.
    ).toEqual({ 'unit-a': '<5', 'unit-b': '<5' });
    expect(byUnit.body.totals.hours).toBe(12);
  });

  it('shows a team leader their own units only', async () => {
    const res = await request(server)
      .get(`/api/evaluation/metrics?${NOV}&groupBy=unit`)
      .set(as('leader'))
      .expect(200);
    expect(res.body.scope).toBe('units');
    expect(res.body.groups.map((g: any) => g.key)).toEqual(['unit-a']);
    expect(res.body.totals.meetingAttendance).toBeNull();
    await request(server)
      .get(`/api/evaluation/metrics?${NOV}&unit=unit-b`)
      .set(as('leader'))
      .expect(403);
    await request(server)
      .get('/api/evaluation/outcomes?unit=unit-b')
      .set(as('leader'))
      .expect(403);
  });

  it('lets peer supporters log sessions, checked, and see their own figures', async () => {
    const session = {
      date: '2026-11-03',
      unit: 'unit-c',
      mode: 'walk-and-talk',
      minutes: 45,
      topic: 'self-image',
      kind: 'first',
    };
    for (let i = 0; i < 3; i++) {
      await request(server)
        .post('/api/evaluation/support-sessions')
        .set(as('supporter'))
        .send(session)
        .expect(201);
    }
    await request(server)
      .post('/api/evaluation/support-sessions')
      .set(as('peer'))
      .send(session)
      .expect(403);
    // Only for the units they work in: not another unit, and coordinators
    // and managers do not log sessions.
    for (const [name, unit] of [
      ['supporter', 'unit-a'],
      ['supporter-elsewhere', 'unit-c'],
      ['coord', 'unit-c'],
      ['manager', 'unit-c'],
    ]) {
      const denied = await request(server)
        .post('/api/evaluation/support-sessions')
        .set(as(name))
        .send({ ...session, unit })
        .expect(403);
      expect(denied.body.error.message).toMatch(
        name.startsWith('supporter')
          ? `unit ${unit} is not one of your units`
          : 'evaluation.session.create',
      );
    }
    const bad = await request(server)
      .post('/api/evaluation/support-sessions')
      .set(as('supporter'))
      .send({ ...session, mode: 'phone', patientName: 'Anna' })
      .expect(400);
    expect(bad.body.error.message).toMatch(/mode|patientName/);
    const unknown = await request(server)
      .post('/api/evaluation/support-sessions')
      .set(as('supporter'))
      .send({ ...session, unit: 'nowhere' })
      .expect(400);
    expect(unknown.body.error.message).toContain('unit');
    const future = await request(server)
      .post('/api/evaluation/support-sessions')
      .set(as('supporter'))
      .send({ ...session, date: '2999-01-01' })
      .expect(400);
    expect(future.body.error.message).toContain('date');
    expect(auditEvents).toContain('evaluation-session-create');

    const mine = await request(server)
      .get('/api/evaluation/support-sessions/mine')
      .set(as('supporter'))
      .expect(200);
    expect(mine.body.items).toHaveLength(3);

    const own = await request(server)
      .get(`/api/evaluation/metrics?${NOV}`)
      .set(as('supporter'))
      .expect(200);
    expect(own.body.scope).toBe('own');
    expect(own.body.totals.supportSessions).toBe(3);
    expect(own.body.totals.activePeers).toBeNull();

    // The manager sees the unit's three sessions as "<5".
    const manager = await request(server)
      .get(`/api/evaluation/metrics?${NOV}&groupBy=unit`)
      .set(as('manager'))
      .expect(200);
    const unitC = manager.body.groups.find((g: any) => g.key === 'unit-c');
    expect(unitC.figures.supportSessions).toBe('<5');
  });

  it('takes outcomes from managers and coordinators, and imports CSV all or nothing', async () => {
    const outcome = {
      unit: 'unit-a',
      periodStart: '2026-01-01',
      periodEnd: '2026-03-31',
      admissions: 40,
      inpatientDays: 560,
      peerSupportStartedOn: '2026-04-01',
    };
    await request(server)
      .post('/api/evaluation/outcomes')
      .set(as('leader'))
      .send(outcome)
      .expect(403);
    const bad = await request(server)
      .post('/api/evaluation/outcomes')
      .set(as('manager'))
      .send({ ...outcome, periodEnd: '2025-12-31' })
      .expect(400);
    expect(bad.body.error.message).toContain('periodEnd');
    const created = await request(server)
      .post('/api/evaluation/outcomes')
      .set(as('coord'))
      .send(outcome)
      .expect(201);
    expect(created.body.peerSupportStartedOn).toBe('2026-04-01');

    const csv = [
      '\uFEFFunit;periodStart;periodEnd;admissions;averageLengthOfStay;selfStigmaScore;selfStigmaRespondents',
      'unit-b;2026-01-01;2026-03-31;30;12,5;2,4;12',
      'unit-b;2026-04-01;2026-06-31;abc;12,5;2,4;3',
      'nowhere;2026-04-01;2026-06-30;30;12;;',
    ].join('\r\n');
    const rejected = await request(server)
      .post('/api/evaluation/outcomes/import')
      .set(as('manager'))
      .set('Content-Type', 'text/csv')
      .send(csv)
      .expect(400);
    expect(rejected.body.imported).toBe(0);
    expect(rejected.body.rejected.map((r: any) => [r.line, r.field])).toEqual([
      [3, 'periodEnd'],
      [3, 'admissions'],
      [4, 'unit'],
    ]);
    // Nothing of the file was stored, not even its good first row.
    const none = await request(server)
      .get('/api/evaluation/outcomes?unit=unit-b')
      .set(as('manager'))
      .expect(200);
    expect(none.body.items).toEqual([]);

    const good = await request(server)
      .post('/api/evaluation/outcomes/import')
      .set(as('manager'))
      .set('Content-Type', 'text/csv')
      .send(csv.split('\r\n').slice(0, 2).join('\r\n'))
      .expect(200);
    expect(good.body).toEqual({ imported: 1, rejected: [] });
    const stored = await request(server)
      .get('/api/evaluation/outcomes?unit=unit-b')
      .set(as('manager'))
      .expect(200);
    expect(stored.body.items[0].periods[0]).toMatchObject({
      admissions: 30,
      averageLengthOfStay: 12.5,
      selfStigmaScore: 2.4,
    });
    await request(server)
      .get('/api/evaluation/outcomes')
      .set(as('peer'))
      .expect(403);
  });

  it('exports what is on screen as CSV for Excel, with "<5" kept', async () => {
    const res = await request(server)
      .get(`/api/evaluation/export.csv?${NOV}&groupBy=unit`)
      .set(as('manager'))
      .buffer(true)
      .parse((r, cb) => {
        let data = '';
        r.setEncoding('utf8');
        r.on('data', c => (data += c));
        r.on('end', () => cb(null, data));
      })
      .expect(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const text = res.body as string;
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.replace('\uFEFF', '').split('\r\n');
    expect(lines[0].split(';')[0]).toBe('Enhet');
    expect(lines[0]).toContain('Timmar');
    expect(lines.find(l => l.startsWith('Totalt 2026-11–2026-11;'))).toContain(
      ';12,0;',
    );
    // Units by their titles, as on screen.
    expect(lines.find(l => l.startsWith('Enhet B;'))).toContain('<5');
    expect(res.headers['content-disposition']).toContain(
      'utvardering-2026-11-2026-11-unit.csv',
    );
    const english = await request(server)
      .get(`/api/evaluation/export.csv?${NOV}&groupBy=type&lang=en`)
      .set(as('manager'))
      .expect(200);
    expect(english.text).toContain('Assignment type;Assignments completed;');
    expect(english.text).toContain('Share one’s story with staff;');
    await request(server)
      .get(`/api/evaluation/export.csv?${NOV}&lang=fi`)
      .set(as('manager'))
      .expect(400);
    expect(auditEvents).toContain('evaluation-export');
    await request(server)
      .get(`/api/evaluation/export.csv?${NOV}`)
      .set(as('staff'))
      .expect(403);
  });
});
