import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { AssignmentFact } from '@internal/plugin-assignments-common';
import { AttendanceFact } from '@internal/plugin-network-meetings-common';
import { DatabaseEvaluationStore, Scope } from './DatabaseEvaluationStore';
import {
  generateAssignmentFacts,
  generateSupportSessions,
} from '../demo/generate';
import {
  recountCells,
  recountSessionCells,
  storedCells,
  storedSessionCells,
} from './testing/recount';
import { KeyFigures, suppress } from '@internal/plugin-evaluation-common';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

/** Monday 23 November 2026, 10:00 in Stockholm. */
const NOW = new Date('2026-11-23T09:00:00.000Z');
const ALL: Scope = { kind: 'all' };

const peer = (n: number) => `user:default/p${n}`;

let seq = 1000;
function completed(
  overrides: Partial<AssignmentFact> & { peerCount?: number } = {},
): AssignmentFact {
  const { peerCount = 1, ...rest } = overrides;
  seq++;
  return {
    seq,
    kind: 'assignment-completed',
    assignmentId: `a-${seq}`,
    occurredAt: '2026-11-20T10:00:00.000Z',
    workDate: '2026-11-10',
    unit: 'skane-malmo-avd-3',
    region: 'skane',
    type: 'share-story',
    peers: Array.from({ length: peerCount }, (_, i) => ({
      peerRef: peer(i),
      actualMinutes: 120,
    })),
    ...rest,
  };
}

function attendance(
  cursor: number,
  occurrenceId: string,
  startsAt: string,
  attended: number,
  region: string | null = 'skane',
): AttendanceFact {
  return {
    cursor: String(cursor),
    occurrenceId,
    meetingId: `m-${occurrenceId}`,
    kind: 'network-meeting',
    region,
    audience: 'peers',
    startsAt,
    confirmed: attended + 2,
    attended,
    absent: 2,
    recordedAt: '2026-11-20T10:00:00.000Z',
  } as AttendanceFact;
}

/** The raw figures of some facts, counted one by one. */
function recount(facts: AssignmentFact[]) {
  const done = facts.filter(f => f.kind === 'assignment-completed');
  const ratings = facts.filter(f => f.kind === 'feedback-given');
  return {
    assignments: done.length,
    minutes: done.reduce(
      (s, f) => s + f.peers!.reduce((t, p) => t + p.actualMinutes, 0),
      0,
    ),
    ore: facts.reduce((s, f) => s + (f.totalOre ?? 0), 0),
    peers: new Set(done.flatMap(f => f.peers!.map(p => p.peerRef))).size,
    units: new Set(done.map(f => f.unit)).size,
    ratings: ratings.length,
    ratingSum: ratings.reduce((s, f) => s + f.rating!, 0),
  };
}

/**
 * The figures equal the recount with the suppression rule applied. In a
 * breakdown, an additive figure may also be hidden by secondary
 * suppression.
 */
function expectFigures(
  figures: KeyFigures,
  raw: ReturnType<typeof recount>,
  sessions: number | null,
  inBreakdown: boolean,
  label: string,
) {
  const round1 = (n: number) => Math.round(n * 10) / 10;
  const expected: Partial<Record<keyof KeyFigures, unknown>> = {
    assignmentsCompleted: suppress(raw.assignments, raw.peers),
    hours: suppress(round1(raw.minutes / 60), raw.peers),
    honorariaSek: suppress(raw.ore / 100, raw.peers),
    activePeers: suppress(raw.peers, raw.peers),
    unitsUsingPeers: suppress(raw.units, raw.peers),
    averageFeedback: raw.ratings
      ? suppress(round1(raw.ratingSum / raw.ratings), raw.ratings)
      : null,
    supportSessions: sessions === null ? null : suppress(sessions, sessions),
  };
  for (const [name, value] of Object.entries(expected)) {
    const actual = figures[name as keyof KeyFigures];
    const additive = [
      'assignmentsCompleted',
      'hours',
      'honorariaSek',
      'supportSessions',
    ];
    if (inBreakdown && additive.includes(name) && actual === '<5') continue;
    expect({ label, name, value: actual }).toEqual({ label, name, value });
  }
}

describe.each(databases.eachSupportedId())(
  'DatabaseEvaluationStore on %s',
  databaseId => {
    async function createStore() {
      const knex = await databases.init(databaseId);
      const store = await DatabaseEvaluationStore.create({
        database: mockServices.database({ knex }),
        clock: () => NOW,
      });
      return { knex, store };
    }

    const month = {
      from: '2026-11',
      to: '2026-11',
      groupBy: 'month' as const,
    };

    it('ingests each fact once, whichever path and however often it comes', async () => {
      const { store, knex } = await createStore();
      const facts = [
        completed({ peerCount: 5 }),
        completed({ peerCount: 5 }),
        {
          ...completed(),
          kind: 'honorarium-approved' as const,
          peers: undefined,
          totalOre: 123450,
        },
      ];
      expect(await store.ingestAssignmentFacts(facts)).toBe(3);
      // The event path and the pull deliver the same facts again, one twice
      // in the same batch.
      expect(await store.ingestAssignmentFacts([facts[0], facts[0]])).toBe(0);
      expect(
        await store.ingestAssignmentFacts(facts, { cursor: String(seq) }),
      ).toBe(0);
      expect(await store.getCursor('assignments')).toBe(String(seq));
      const [{ n }] = await knex('ev_facts').count({ n: '*' });
      expect(Number(n)).toBe(3);

      const m = await store.metrics(month, ALL);
      expect(m.totals.assignmentsCompleted).toBe(2);
      expect(m.totals.hours).toBe(20);
      expect(m.totals.honorariaSek).toBe(1234.5);
      expect(m.totals.activePeers).toBe(5);
      expect(m.totals.unitsUsingPeers).toBe(1);
    });

    it('puts activity in its Europe/Stockholm month, also when it arrives late', async () => {
      const { store } = await createStore();
      await store.ingestAssignmentFacts([
        completed({ workDate: '2026-04-01', peerCount: 5 }),
      ]);
      // Arrives later but happened at the end of March.
      await store.ingestAssignmentFacts([
        completed({ workDate: '2026-03-31', peerCount: 6 }),
      ]);
      await store.ingestAttendanceFacts([
        // 00:30 on 1 April in Stockholm (summer time, UTC+2).
        attendance(1, 'o1', '2026-03-31T22:30:00.000Z', 7),
        // 23:30 on 31 October in Stockholm (winter time, UTC+1).
        attendance(2, 'o2', '2026-10-31T22:30:00.000Z', 8),
        // 00:30 on 1 November.
        attendance(3, 'o3', '2026-10-31T23:30:00.000Z', 9),
      ]);
      const m = await store.metrics(
        { from: '2026-03', to: '2026-04', groupBy: 'month' },
        ALL,
      );
      expect(m.groups.map(g => [g.key, g.figures.activePeers])).toEqual([
        ['2026-03', 6],
        ['2026-04', 5],
      ]);
      expect(m.groups.map(g => g.figures.meetingAttendance)).toEqual([0, 7]);
      const autumn = await store.metrics(
        { from: '2026-10', to: '2026-11', groupBy: 'month' },
        ALL,
      );
      expect(autumn.groups.map(g => g.figures.meetingAttendance)).toEqual([
        8, 9,
      ]);
      const quarters = await store.metrics(
        { from: '2026-01', to: '2026-06', groupBy: 'quarter' },
        ALL,
      );
      expect(quarters.groups.map(g => [g.key, g.figures.activePeers])).toEqual([
        ['2026-Q1', 6],
        // The same five peers are not counted twice within the quarter.
        ['2026-Q2', 5],
      ]);
      // The previous period has the same length, just before.
      expect(quarters.previous).toEqual({ from: '2025-07', to: '2025-12' });
    });

    it('replaces a meeting’s attendance with its latest fact only', async () => {
      const { store } = await createStore();
      await store.ingestAttendanceFacts([
        attendance(5, 'o1', '2026-11-05T17:00:00.000Z', 12),
      ]);
      await store.ingestAttendanceFacts([
        attendance(9, 'o1', '2026-11-05T17:00:00.000Z', 10),
        // An older one arriving late changes nothing.
        attendance(3, 'o1', '2026-11-05T17:00:00.000Z', 30),
      ]);
      await store.ingestAttendanceFacts([
        attendance(9, 'o1', '2026-11-05T17:00:00.000Z', 10),
        attendance(10, 'o2', '2026-11-06T17:00:00.000Z', 3, null),
      ]);
      const m = await store.metrics(month, ALL);
      expect(m.totals.meetingAttendance).toBe(13);
      const skane = await store.metrics({ ...month, region: 'skane' }, ALL);
      expect(skane.totals.meetingAttendance).toBe(10);
      // With a unit filter, meetings (which have no unit) do not apply.
      const unit = await store.metrics(
        { ...month, unit: 'skane-malmo-avd-3' },
        ALL,
      );
      expect(unit.totals.meetingAttendance).toBeNull();
    });

    it('hides figures resting on fewer than five people or sessions', async () => {
      const { store } = await createStore();
      await store.ingestAssignmentFacts([
        // Unit A: three peers, many hours.
        completed({ unit: 'skane-malmo-avd-3', peerCount: 3 }),
        completed({ unit: 'skane-malmo-avd-3', peerCount: 3 }),
        // Unit B: six peers.
        completed({ unit: 'skane-lund-oppenvard', peerCount: 6 }),
        // Unit C: five peers.
        completed({
          unit: 'rjl-ryhov-avd-1',
          region: 'jonkoping',
          peerCount: 5,
        }),
        ...[1, 2, 3, 4].map(rating => ({
          ...completed({ unit: 'skane-lund-oppenvard' }),
          kind: 'feedback-given' as const,
          peers: undefined,
          rating,
        })),
      ]);
      for (let i = 0; i < 3; i++) {
        await store.addSupportSession(
          {
            date: `2026-11-0${i + 1}`,
            unit: 'vll-skelleftea-oppenvard',
            mode: 'walk-and-talk',
            minutes: 45,
            topic: 'strengths',
            kind: 'first',
          },
          'user:default/jonas.nilsson',
          'vasterbotten',
        );
      }
      const byUnit = await store.metrics({ ...month, groupBy: 'unit' }, ALL);
      const unit = (u: string) => byUnit.groups.find(g => g.key === u)!.figures;
      expect(unit('skane-malmo-avd-3').hours).toBe('<5');
      expect(unit('skane-malmo-avd-3').assignmentsCompleted).toBe('<5');
      expect(unit('skane-malmo-avd-3').activePeers).toBe('<5');
      expect(unit('skane-lund-oppenvard').activePeers).toBe(6);
      // Four ratings: the average is hidden.
      expect(unit('skane-lund-oppenvard').averageFeedback).toBe('<5');
      expect(unit('vll-skelleftea-oppenvard').supportSessions).toBe('<5');
      expect(
        unit('vll-skelleftea-oppenvard').sessionsByMode['walk-and-talk'],
      ).toBe('<5');
      expect(unit('vll-skelleftea-oppenvard').sessionsByMode.ward).toBe(0);
      // Secondary suppression: the smallest other unit's hours are hidden
      // too, so the total minus the shown units does not give A away.
      expect(unit('rjl-ryhov-avd-1').hours).toBe('<5');
      expect(unit('skane-lund-oppenvard').hours).toBe(12);
      // The whole period rests on six distinct peers (p0–p5).
      expect(byUnit.totals.activePeers).toBe(6);
      expect(byUnit.totals.hours).toBe(34);
      expect(byUnit.totals.supportSessions).toBe('<5');
      expect(byUnit.changePercent.hours).toBeNull();

      const byType = await store.metrics({ ...month, groupBy: 'type' }, ALL);
      // Support sessions have no assignment type.
      expect(byType.groups[0].figures.supportSessions).toBeNull();
    });

    it('shows team leaders their units and peers their own figures', async () => {
      const { store } = await createStore();
      await store.ingestAssignmentFacts([
        completed({ unit: 'skane-malmo-avd-3', peerCount: 6 }),
        completed({ unit: 'skane-lund-oppenvard', peerCount: 7 }),
        completed({ unit: 'skane-lund-oppenvard', peerCount: 2 }),
      ]);
      const leader = await store.metrics(
        { ...month, groupBy: 'unit' },
        { kind: 'units', units: ['skane-malmo-avd-3'] },
      );
      expect(leader.groups.map(g => g.key)).toEqual(['skane-malmo-avd-3']);
      expect(leader.totals.activePeers).toBe(6);
      const own = await store.metrics(month, {
        kind: 'own',
        userRef: peer(1),
      });
      expect(own.scope).toBe('own');
      expect(own.totals.assignmentsCompleted).toBe(3);
      expect(own.totals.hours).toBe(6);
      expect(own.totals.activePeers).toBeNull();
      expect(own.totals.honorariaSek).toBeNull();
      const other = await store.metrics(month, {
        kind: 'own',
        userRef: peer(6),
      });
      expect(other.totals.assignmentsCompleted).toBe(1);
    });

    it('keeps every rollup cell equal to a full recount, whatever order and batches the facts come in', async () => {
      const { store, knex } = await createStore();
      const facts = generateAssignmentFacts({
        count: 3000,
        seed: 7,
        lastMonth: '2026-11',
        months: 14,
        peers: 60,
      });
      // In batches of odd sizes, with repeats and overlaps, late facts
      // (reversed), and overlapping batches at the same time (the pull and
      // the events, or two replicas).
      for (let i = 0; i < 1500; i += 700) {
        await store.ingestAssignmentFacts(facts.slice(i, i + 900));
      }
      await store.ingestAssignmentFacts(facts.slice(2000).reverse());
      await Promise.all(
        [1300, 1500, 1700, 1900, 1400].map(i =>
          store.ingestAssignmentFacts(facts.slice(i, i + 400)),
        ),
      );
      await store.ingestAssignmentFacts(facts.slice(100, 400).reverse());
      const sessions = generateSupportSessions({
        count: 300,
        seed: 8,
        lastMonth: '2026-11',
        months: 14,
      });
      await Promise.all(
        sessions.map(s =>
          store.addSupportSession(s.input, s.supporterRef, s.region),
        ),
      );

      expect(await storedCells(knex)).toEqual(recountCells(facts));
      expect(await storedSessionCells(knex)).toEqual(
        recountSessionCells(
          sessions.map(s => ({
            month: s.input.date.slice(0, 7),
            region: s.region,
            unit: s.input.unit,
            mode: s.input.mode,
          })),
        ),
      );
      // People are numbered densely, however often they came again.
      const [{ n, max }] = await knex('ev_people').select({
        n: knex.raw('count(*)'),
        max: knex.raw('max(id)'),
      });
      expect(Number(max)).toBe(Number(n));

      const peerRows = await knex('ev_peer_monthly');
      const expectedPeers = new Map<string, number[]>();
      for (const f of facts) {
        if (f.kind !== 'assignment-completed') continue;
        for (const p of f.peers!) {
          const k = [
            f.workDate.slice(0, 7),
            f.region,
            f.unit,
            f.type,
            p.peerRef,
          ].join('|');
          const e = expectedPeers.get(k) ?? [0, 0];
          e[0]++;
          e[1] += p.actualMinutes;
          expectedPeers.set(k, e);
        }
      }
      expect(
        new Map(
          peerRows.map(r => [
            [r.month, r.region, r.unit, r.type, r.peer_ref].join('|'),
            [Number(r.assignments), Number(r.minutes)],
          ]),
        ),
      ).toEqual(expectedPeers);
    });

    it('answers every grouping, filter and period with the figures of a recount', async () => {
      const { store } = await createStore();
      const facts = generateAssignmentFacts({
        count: 4000,
        seed: 11,
        lastMonth: '2026-11',
        months: 40,
        peers: 40,
      });
      for (let i = 0; i < facts.length; i += 1000) {
        await store.ingestAssignmentFacts(facts.slice(i, i + 1000));
      }
      const sessions = generateSupportSessions({
        count: 400,
        seed: 12,
        lastMonth: '2026-11',
        months: 40,
      });
      for (const x of sessions) {
        await store.addSupportSession(x.input, x.supporterRef, x.region);
      }
      const periods = [
        { from: '2026-11', to: '2026-11' },
        { from: '2025-12', to: '2026-11' },
        { from: '2023-08', to: '2026-11' },
        { from: '2024-01', to: '2025-12' },
        { from: '2023-02', to: '2025-10' },
        { from: '2016-12', to: '2026-11' },
      ];
      const filters: Array<
        Partial<Record<'region' | 'unit' | 'type', string>>
      > = [
        {},
        { region: 'skane' },
        { unit: 'vgr-sahlgrenska-avd-367' },
        { type: 'user-audit' },
        { region: 'stockholm', type: 'co-development' },
      ];
      const leader: Scope = {
        kind: 'units',
        units: ['skane-malmo-avd-3', 'rjl-ryhov-avd-1'],
      };
      let compared = 0;
      for (const period of periods) {
        for (const groupBy of [
          'month',
          'quarter',
          'region',
          'unit',
          'type',
        ] as const) {
          for (const scope of [ALL, leader]) {
            for (const filter of scope === ALL ? filters : [{}]) {
              const m = await store.metrics(
                { ...period, groupBy, ...filter },
                scope,
              );
              const inScope = facts.filter(
                f =>
                  f.workDate.slice(0, 7) >= period.from &&
                  f.workDate.slice(0, 7) <= period.to &&
                  (!filter.region || f.region === filter.region) &&
                  (!filter.unit || f.unit === filter.unit) &&
                  (!filter.type || f.type === filter.type) &&
                  (scope.kind !== 'units' || scope.units.includes(f.unit)),
              );
              const sessionsIn = sessions.filter(
                x =>
                  x.input.date.slice(0, 7) >= period.from &&
                  x.input.date.slice(0, 7) <= period.to &&
                  (!filter.region || x.region === filter.region) &&
                  (!filter.unit || x.input.unit === filter.unit) &&
                  (scope.kind !== 'units' ||
                    scope.units.includes(x.input.unit)),
              );
              const label = JSON.stringify({ period, groupBy, filter, scope });
              expectFigures(
                m.totals,
                recount(inScope),
                filter.type ? null : sessionsIn.length,
                false,
                label,
              );
              const keyOf = (f: {
                workDate: string;
                region: string;
                unit: string;
                type: string;
              }) => {
                const m7 = f.workDate.slice(0, 7);
                if (groupBy === 'month') return m7;
                if (groupBy === 'quarter') {
                  return `${m7.slice(0, 4)}-Q${Math.ceil(
                    Number(m7.slice(5)) / 3,
                  )}`;
                }
                return f[groupBy];
              };
              for (const g of m.groups) {
                expectFigures(
                  g.figures,
                  recount(inScope.filter(f => keyOf(f) === g.key)),
                  filter.type || groupBy === 'type'
                    ? null
                    : sessionsIn.filter(
                        x =>
                          keyOf({
                            workDate: x.input.date,
                            region: x.region,
                            unit: x.input.unit,
                            type: '',
                          }) === g.key,
                      ).length,
                  true,
                  `${label} ${g.key}`,
                );
                compared++;
              }
            }
          }
        }
      }
      expect(compared).toBeGreaterThan(500);
      // About 180 queries and their recounts on each database: give a busy
      // machine time.
    }, 300_000);

    it('stores outcomes all or none and hides small cells', async () => {
      const { store } = await createStore();
      await store.upsertOutcomes(
        [
          {
            region: 'skane',
            input: {
              unit: 'skane-malmo-avd-3',
              periodStart: '2025-01-01',
              periodEnd: '2025-06-30',
              inpatientDays: 900,
              admissions: 60,
              readmissions30d: 4,
              averageLengthOfStay: 15,
              selfStigmaScore: 2.6,
              selfStigmaRespondents: 4,
              peerSupportStartedOn: '2025-07-01',
            },
          },
          {
            region: 'skane',
            input: {
              unit: 'skane-malmo-avd-3',
              periodStart: '2025-07-01',
              periodEnd: '2025-12-31',
              inpatientDays: 700,
              admissions: 52,
              readmissions30d: 5,
              selfStigmaScore: 2.3,
              selfStigmaRespondents: 20,
            },
          },
        ],
        'user:default/sara.ek',
      );
      const { items } = await store.listOutcomes({}, ALL);
      expect(items).toHaveLength(1);
      expect(items[0].peerSupportStartedOn).toBe('2025-07-01');
      const [before, after] = items[0].periods;
      expect(before.phase).toBe('before');
      expect(after.phase).toBe('after');
      expect(before.readmissions30d).toBe('<5');
      expect(before.selfStigmaScore).toBe('<5');
      expect(after.selfStigmaScore).toBe(2.3);
      expect(after.inpatientDays).toBe(700);
      // A unit the team leader does not lead is not shown.
      expect(
        (
          await store.listOutcomes(
            {},
            { kind: 'units', units: ['skane-lund-oppenvard'] },
          )
        ).items,
      ).toEqual([]);
    });
  },
);
