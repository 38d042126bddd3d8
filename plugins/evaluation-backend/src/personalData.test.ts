import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { AssignmentFact } from '@internal/plugin-assignments-common';
import { DatabaseEvaluationStore } from './database/DatabaseEvaluationStore';
import { recountCells, storedCells } from './database/testing/recount';
import { EvaluationPersonalData } from './personalData';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const NOW = new Date('2026-11-23T09:00:00.000Z');
const ASA = 'user:default/asa.lindqvist';
const PSEUDONYM = 'user:erased/0d7c2f4e-8a1b-4c3d-9e5f-6a7b8c9d0e1f';
const PERIOD = { from: '2026-01', to: '2026-12', groupBy: 'month' as const };

let seq = 0;
function completed(
  peers: string[],
  workDate: string,
  unit = 'skane-malmo-avd-3',
): AssignmentFact {
  seq++;
  return {
    seq,
    kind: 'assignment-completed',
    assignmentId: `a-${seq}`,
    occurredAt: `${workDate}T16:00:00.000Z`,
    workDate,
    unit,
    region: 'skane',
    type: 'share-story',
    peers: peers.map((peerRef, i) => ({
      peerRef,
      actualMinutes: 60 + 30 * i,
    })),
  };
}

/** Eight peers besides Åsa, so that no figure is hidden as "<5". */
const others = Array.from({ length: 8 }, (_, i) => `user:default/peer-${i}`);

describe.each(databases.eachSupportedId())(
  'EvaluationPersonalData on %s',
  databaseId => {
    async function setUp() {
      const knex = await databases.init(databaseId);
      const database = mockServices.database({ knex });
      const store = await DatabaseEvaluationStore.create({
        database,
        clock: () => NOW,
      });
      const provider = await EvaluationPersonalData.create({ database });
      return { knex, store, provider };
    }

    /** Every figure of the dashboards that erasure must leave as it was. */
    async function figures(store: DatabaseEvaluationStore) {
      const all = await store.metrics(PERIOD, { kind: 'all' });
      const byUnit = await store.metrics(
        { ...PERIOD, groupBy: 'unit' },
        { kind: 'all' },
      );
      return { totals: all.totals, months: all.groups, units: byUnit.groups };
    }

    it('exports a peer’s own rows, erases them under the pseudonym, and leaves every figure of the dashboards as it was', async () => {
      const { knex, store, provider } = await setUp();
      const facts = [
        completed([ASA, others[0], others[1]], '2026-03-10'),
        completed([ASA, others[2]], '2026-03-20', 'skane-lund-oppenvard'),
        completed([ASA], '2026-05-04'),
        ...others.map((p, i) =>
          completed([p, others[(i + 1) % 8]], `2026-0${(i % 6) + 3}-15`),
        ),
      ];
      await store.ingestAssignmentFacts(facts);
      await store.addSupportSession(
        {
          date: '2026-04-01',
          unit: 'skane-malmo-avd-3',
          mode: 'ward',
          minutes: 45,
          topic: 'strengths',
          kind: 'first',
        },
        ASA,
        'skane',
      );
      const before = await figures(store);

      const exported = (await provider.exportPersonalData(ASA)) as any;
      expect(exported.ownWorkByMonth).toHaveLength(3);
      expect(exported.supportSessions).toHaveLength(1);
      expect(exported.activityFacts).toHaveLength(3);
      expect(exported.activityFacts[0]).toMatchObject({
        kind: 'assignment-completed',
        workDate: '2026-03-10',
        actualMinutes: 60,
      });
      expect(await provider.exportPersonalData(others[0])).toBeDefined();

      const report = await provider.erasePersonalData(ASA, {
        pseudonym: PSEUDONYM,
      });
      expect(report.erased).toBe(0);
      expect(report.anonymised).toBeGreaterThanOrEqual(7);
      expect(report.kept).toHaveLength(1);

      // Every figure is the same; nothing points to the person.
      expect(await figures(store)).toEqual(before);
      for (const [table, column] of [
        ['ev_people', 'ref'],
        ['ev_peer_monthly', 'peer_ref'],
        ['ev_support_sessions', 'supporter_ref'],
      ]) {
        expect(await knex(table).where(column, ASA)).toEqual([]);
      }
      const payloads = (await knex('ev_facts').select('payload')).map(
        r => r.payload,
      );
      expect(payloads.join('\n')).not.toContain(ASA);
      expect(payloads.join('\n')).toContain(PSEUDONYM);
      // The rollups still agree with the facts they were made from.
      expect(await storedCells(knex)).toEqual(
        recountCells(payloads.map(p => JSON.parse(p))),
      );
      // The person's own view is empty; the pseudonym holds their work.
      const own = await store.metrics(PERIOD, { kind: 'own', userRef: ASA });
      expect(own.totals.assignmentsCompleted).toBe(0);
      expect(await provider.exportPersonalData(ASA)).toBeUndefined();
      expect(
        (await provider.exportPersonalData(PSEUDONYM)) as any,
      ).toMatchObject({ ownWorkByMonth: [{}, {}, {}] });

      // Safe to repeat.
      expect(
        await provider.erasePersonalData(ASA, { pseudonym: PSEUDONYM }),
      ).toEqual({ erased: 0, anonymised: 0, kept: [] });
      expect(await figures(store)).toEqual(before);
    });

    it('merges the person into the pseudonym when the board’s erased facts arrived first, so nobody counts twice', async () => {
      const { knex, store, provider } = await setUp();
      // Åsa worked twice in March. The board erased her before the second
      // fact reached the evaluation: it arrives under the pseudonym.
      const first = completed([ASA, ...others.slice(0, 5)], '2026-03-10');
      const second = completed([ASA, others[5]], '2026-03-20');
      await store.ingestAssignmentFacts([first]);
      const control = await figures(store);
      await store.ingestAssignmentFacts([
        {
          ...second,
          peers: second.peers!.map(p =>
            p.peerRef === ASA ? { ...p, peerRef: PSEUDONYM } : p,
          ),
        },
      ]);
      // For now one person counts as two.
      const split = await store.metrics(PERIOD, { kind: 'all' });
      expect(split.totals.activePeers).toBe(8);

      await provider.erasePersonalData(ASA, { pseudonym: PSEUDONYM });
      const merged = await store.metrics(PERIOD, { kind: 'all' });
      expect(merged.totals.activePeers).toBe(7);
      expect(merged.totals.assignmentsCompleted).toBe(2);
      expect(control.totals.assignmentsCompleted).toBe(1);
      expect(await knex('ev_people').where({ ref: ASA })).toEqual([]);
      expect(await knex('ev_people').where({ ref: PSEUDONYM })).toHaveLength(1);
      const payloads = (await knex('ev_facts').select('payload')).map(r =>
        JSON.parse(r.payload),
      );
      expect(await storedCells(knex)).toEqual(recountCells(payloads));
      const [own] = await knex('ev_peer_monthly').where({
        peer_ref: PSEUDONYM,
      });
      expect(Number(own.assignments)).toBe(2);
    });
  },
);
