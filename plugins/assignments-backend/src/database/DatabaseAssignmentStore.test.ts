import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import {
  BookingRequest,
  DEFAULT_RATE_TABLE,
} from '@internal/plugin-assignments-common';
import {
  ASSIGNMENT_STATES,
  TRANSITION_ACTIONS,
  TransitionRequest,
} from '@internal/plugin-assignments-common';
import { randomUUID } from 'node:crypto';
import {
  Caller,
  DatabaseAssignmentStore,
  GeneratedAssignment,
} from './DatabaseAssignmentStore';
import { demoAssignments } from '../demo/seed';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

/** The store's clock: Monday 23 November 2026, 10:00 in Stockholm. */
const NOW = new Date('2026-11-23T09:00:00.000Z');

const teamLeader: Caller = {
  userRef: 'user:default/anders.holm',
  groups: ['team-leader', 'vgr-sahlgrenska-avd-367'],
  canManage: false,
  canInterest: false,
};
const coordinator: Caller = {
  userRef: 'user:default/karin.sjoberg',
  groups: ['coordinator'],
  canManage: true,
  canInterest: false,
};
const peer = (name: string): Caller => ({
  userRef: `user:default/${name}`,
  groups: ['peer'],
  canManage: false,
  canInterest: true,
});
const staffElsewhere: Caller = {
  userRef: 'user:default/leila.karimi',
  groups: ['staff', 'sll-psykiatri-sodra-avd-14'],
  canManage: false,
  canInterest: false,
};

function booking(overrides: Partial<BookingRequest> = {}): BookingRequest {
  return {
    title: 'Berätta om återhämtning på APT',
    type: 'share-story',
    description: 'Personalgruppen vill höra om vägen till återhämtning.',
    unit: 'vgr-sahlgrenska-avd-367',
    contactName: 'Anders Holm',
    contactEmail: 'anders.holm@example.se',
    place: 'Konferensrum 3',
    slots: [{ start: '2026-12-10T13:00', end: '2026-12-10T15:00' }],
    estimatedHours: 2,
    peersWanted: 2,
    experienceWanted: 'either',
    language: 'sv',
    interestDeadline: '2026-12-01',
    costCentre: 'KS-4711',
    ...overrides,
  };
}

describe.each(databases.eachSupportedId())(
  'DatabaseAssignmentStore on %s',
  databaseId => {
    async function createStore(clock = () => NOW) {
      const knex = await databases.init(databaseId);
      const store = await DatabaseAssignmentStore.create({
        database: mockServices.database({ knex }),
        rates: DEFAULT_RATE_TABLE,
        clock,
      });
      return { knex, store };
    }

    async function openAssignment(
      store: DatabaseAssignmentStore,
      overrides: Partial<BookingRequest> = {},
    ) {
      const id = await store.create(booking(overrides), {
        createdBy: teamLeader.userRef,
        region: 'vastra-gotaland',
        publish: true,
      });
      return id;
    }

    it('stores the booking form with times in Europe/Stockholm and keeps a history', async () => {
      const { store } = await createStore();
      const id = await store.create(
        booking({
          // 18:00 on the day after the change to summer time is 16:00 UTC.
          slots: [{ start: '2027-03-29T18:00', end: '2027-03-29T20:00' }],
          interestDeadline: '2027-03-20',
        }),
        {
          createdBy: teamLeader.userRef,
          region: 'vastra-gotaland',
          publish: false,
        },
      );
      const details = await store.get(id, teamLeader);
      expect(details.state).toBe('requested');
      expect(details.slots).toEqual([
        { start: '2027-03-29T16:00:00.000Z', end: '2027-03-29T18:00:00.000Z' },
      ]);
      expect(details.history.map(h => h.action)).toEqual(['created']);
      expect(details.allowedActions).toEqual(
        expect.arrayContaining(['cancel', 'edit']),
      );
      expect(details.allowedActions).not.toContain('publish');

      // Others do not see a request that is not theirs.
      await expect(store.get(id, peer('asa'))).rejects.toMatchObject({
        name: 'NotFoundError',
      });
      await expect(store.get(id, staffElsewhere)).rejects.toMatchObject({
        name: 'NotFoundError',
      });
      const review = await store.list(
        { view: 'review', sort: 'date', limit: 20 },
        coordinator,
      );
      expect(review.items.map(a => a.id)).toEqual([id]);
      expect(review.items[0].allowedActions).toEqual(
        expect.arrayContaining(['publish', 'request-changes', 'decline']),
      );
    });

    it('refuses times and deadlines in the past, storing nothing', async () => {
      const { store, knex } = await createStore();
      await expect(
        store.create(
          booking({
            slots: [{ start: '2026-11-20T13:00', end: '2026-11-20T15:00' }],
            interestDeadline: '2026-11-19',
          }),
          { createdBy: teamLeader.userRef, region: 'x', publish: true },
        ),
      ).rejects.toThrow(/slots: must not be in the past/);
      expect(await knex('as_assignments').count({ n: '*' })).toEqual([
        { n: expect.anything() },
      ]);
      const [{ n }] = await knex('as_assignments').count({ n: '*' });
      expect(Number(n)).toBe(0);
    });

    it('runs the whole flow: publish, interest, select, complete, approve, export', async () => {
      const { store } = await createStore();
      const id = await store.create(booking(), {
        createdBy: teamLeader.userRef,
        region: 'vastra-gotaland',
        publish: false,
      });
      await expect(
        store.transition(id, { action: 'publish' }, teamLeader),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
      await store.transition(id, { action: 'publish' }, coordinator);

      await store.showInterest(id, peer('asa'), 'Åsa Lindqvist', 'Gärna!');
      await store.showInterest(id, peer('asa'), 'Åsa Lindqvist'); // repeated
      await store.showInterest(id, peer('omar'), 'Omar Haddad');
      let details = await store.get(id, coordinator);
      expect(details.interestCount).toBe(2);
      expect(details.interests.map(i => i.displayName)).toEqual([
        'Åsa Lindqvist',
        'Omar Haddad',
      ]);
      // A peer sees only their own interest.
      details = await store.get(id, peer('omar'));
      expect(details.interests.map(i => i.displayName)).toEqual([
        'Omar Haddad',
      ]);
      expect(details.allowedActions).toContain('withdraw-interest');

      await store.select(id, 'user:default/asa', coordinator);
      const second = await store.select(id, 'user:default/omar', coordinator);
      expect(second.staffed).toBe(true);
      details = await store.get(id, teamLeader);
      expect(details.state).toBe('staffed');
      expect(details.allowedActions).toContain('complete');

      await expect(
        store.transition(
          id,
          {
            action: 'complete',
            peers: [
              { userRef: 'user:default/nobody', actualHours: 2, travel: false },
            ],
          },
          teamLeader,
        ),
      ).rejects.toThrow(/not selected/);
      const completed = await store.transition(
        id,
        {
          action: 'complete',
          peers: [
            { userRef: 'user:default/asa', actualHours: 2, travel: true },
            { userRef: 'user:default/omar', actualHours: 5.5, travel: false },
          ],
        },
        teamLeader,
      );
      expect(completed.facts).toEqual([
        expect.objectContaining({
          kind: 'assignment-completed',
          unit: 'vgr-sahlgrenska-avd-367',
          workDate: '2026-12-10',
          peers: [
            { peerRef: 'user:default/asa', actualMinutes: 120 },
            { peerRef: 'user:default/omar', actualMinutes: 330 },
          ],
        }),
      ]);
      details = await store.get(id, coordinator);
      expect(
        details.honoraria
          .map(h => [h.peerName, h.band, h.totalOre])
          .sort((a, b) => String(a[0]).localeCompare(String(b[0]), 'sv')),
      ).toEqual([
        // 2 h: up to 2 hours, 600 kr, plus 200 kr travel.
        ['Omar Haddad', 'fullDay', 180000],
        ['Åsa Lindqvist', 'upTo2h', 80000],
      ]);

      await store.transition(id, { action: 'approve' }, coordinator);
      await store.giveFeedback(id, { rating: 5, comment: 'Bra!' }, teamLeader);
      await store.giveFeedback(id, { rating: 4 }, peer('asa'));
      await expect(
        store.giveFeedback(id, { rating: 4 }, peer('asa')),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      await expect(
        store.giveFeedback(id, { rating: 4 }, staffElsewhere),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });

      const exported = await store.exportHonoraria(
        { from: '2026-12-01', to: '2026-12-31' },
        coordinator.userRef,
      );
      expect(exported.batch.count).toBe(2);
      expect(exported.batch.totalOre).toBe(260000);
      expect((await store.get(id, coordinator)).state).toBe('exported');
      // Nothing is paid twice: a second export of the period is empty.
      const again = await store.exportHonoraria(
        { from: '2026-12-01', to: '2026-12-31' },
        coordinator.userRef,
      );
      expect(again.items).toEqual([]);
      const copy = await store.getExport(exported.batch.id);
      expect(copy.items).toHaveLength(2);

      const facts = await store.listFacts(0, 10);
      expect(facts.items.map(f => f.kind)).toEqual([
        'assignment-completed',
        'honorarium-approved',
        'feedback-given',
        'feedback-given',
      ]);
      expect(facts.items[1].totalOre).toBe(260000);
      expect(
        (await store.listFacts(facts.items[1].seq, 10)).items,
      ).toHaveLength(2);
      const history = (await store.get(id, coordinator)).history;
      expect(history.map(h => h.action)).toEqual([
        'created',
        'publish',
        'selected',
        'selected',
        'complete',
        'approve',
        'feedback',
        'feedback',
        'exported',
      ]);
    });

    it('allows every transition only from its states and by its roles', async () => {
      const { store, knex } = await createStore();
      const id = await openAssignment(store);
      const before = await knex('as_history').count({ n: '*' });
      // Wrong state: 409 and nothing changes.
      await expect(
        store.transition(id, { action: 'publish' }, coordinator),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      await expect(
        store.transition(id, { action: 'approve' }, coordinator),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      await expect(
        store.transition(id, { action: 'mark-staffed' }, coordinator),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      // Wrong role: 403 whatever the state.
      await expect(
        store.transition(
          id,
          { action: 'decline', reason: 'Nej tack' },
          peer('asa'),
        ),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
      await expect(
        store.transition(
          id,
          { action: 'cancel', reason: 'Inställt' },
          peer('asa'),
        ),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
      await expect(
        store.transition(id, { action: 'mark-staffed' }, teamLeader),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
      expect(await knex('as_history').count({ n: '*' })).toEqual(before);
      expect((await store.get(id, teamLeader)).state).toBe('open');

      // The unit may cancel its own; the reason is kept and shown.
      await store.transition(
        id,
        { action: 'cancel', reason: 'Inställt' },
        teamLeader,
      );
      const cancelled = await store.get(id, peer('asa'));
      expect(cancelled.state).toBe('cancelled');
      expect(cancelled.reviewNote).toBe('Inställt');
      expect(cancelled.allowedActions).toEqual([]);

      // Requests: ask for changes, then decline.
      const request = await store.create(booking(), {
        createdBy: teamLeader.userRef,
        region: 'vastra-gotaland',
        publish: false,
      });
      await store.transition(
        request,
        { action: 'request-changes', reason: 'Ange kostnadsställe' },
        coordinator,
      );
      expect((await store.get(request, teamLeader)).reviewNote).toBe(
        'Ange kostnadsställe',
      );
      await store.transition(
        request,
        { action: 'decline', reason: 'Passar inte' },
        coordinator,
      );
      expect((await store.get(request, teamLeader)).state).toBe('declined');
      await expect(
        store.transition(request, { action: 'publish' }, coordinator),
      ).rejects.toMatchObject({ name: 'ConflictError' });
    });

    it('answers every transition in every state for every role as the rules say', async () => {
      const { store } = await createStore();
      const roles: Record<string, Caller> = {
        coordinator,
        unit: teamLeader,
        peer: peer('asa'),
        otherStaff: staffElsewhere,
      };
      // What the rules say: who may ask (coordinators always, the unit for
      // cancel and complete), and from which states.
      const from: Record<string, string[]> = {
        publish: ['requested'],
        'request-changes': ['requested'],
        decline: ['requested'],
        'mark-staffed': ['open'],
        cancel: ['requested', 'open', 'staffed'],
        complete: ['staffed'],
        approve: ['completed'],
      };
      const unitMay = ['cancel', 'complete'];
      const cases: Array<{
        id: string;
        state: string;
        action: string;
        role: string;
      }> = [];
      const generated: GeneratedAssignment[] = [];
      for (const state of ASSIGNMENT_STATES) {
        for (const action of TRANSITION_ACTIONS) {
          for (const role of Object.keys(roles)) {
            const id = randomUUID();
            cases.push({ id, state, action, role });
            generated.push({
              id,
              booking: booking({ peersWanted: 2 }),
              region: 'vastra-gotaland',
              state,
              createdBy: teamLeader.userRef,
              createdAt: NOW.toISOString(),
              interests: ['requested', 'declined'].includes(state)
                ? []
                : [
                    {
                      userRef: 'user:default/omar',
                      displayName: 'Omar',
                      status: 'selected',
                    },
                  ],
              worked: ['completed', 'approved', 'exported'].includes(state)
                ? [
                    {
                      userRef: 'user:default/omar',
                      actualHours: 2,
                      travel: false,
                    },
                  ]
                : undefined,
            });
          }
        }
      }
      await store.insertGenerated(generated);
      const request = (action: string): TransitionRequest =>
        ({
          action,
          reason: 'Av skäl',
          peers: [
            { userRef: 'user:default/omar', actualHours: 2, travel: false },
          ],
        } as any);
      const expected = (c: (typeof cases)[number]) => {
        if (
          ['peer', 'otherStaff'].includes(c.role) &&
          ['requested', 'declined'].includes(c.state)
        ) {
          return 'NotFoundError';
        }
        if (
          c.role !== 'coordinator' &&
          !(c.role === 'unit' && unitMay.includes(c.action))
        ) {
          return 'NotAllowedError';
        }
        return from[c.action].includes(c.state) ? 'ok' : 'ConflictError';
      };
      const outcomes: string[] = [];
      const wanted: string[] = [];
      for (const c of cases) {
        const body = request(c.action);
        if (!['request-changes', 'decline', 'cancel'].includes(c.action)) {
          delete (body as any).reason;
        }
        if (c.action !== 'complete') delete (body as any).peers;
        const outcome = await store.transition(c.id, body, roles[c.role]).then(
          () => 'ok',
          (e: Error) => e.name,
        );
        outcomes.push(`${c.state} ${c.action} by ${c.role}: ${outcome}`);
        wanted.push(`${c.state} ${c.action} by ${c.role}: ${expected(c)}`);
      }
      expect(outcomes).toEqual(wanted);
      expect(cases).toHaveLength(8 * 7 * 4);
    });

    it('gives exactly the places wanted under 50 concurrent selections', async () => {
      const { store, knex } = await createStore();
      const id = await openAssignment(store, { peersWanted: 2 });
      const peers = Array.from({ length: 50 }, (_, i) => peer(`p${i}`));
      for (const p of peers) {
        await store.showInterest(id, p, p.userRef);
      }
      const results = await Promise.allSettled(
        peers.map(p => store.select(id, p.userRef, coordinator)),
      );
      const ok = results.filter(r => r.status === 'fulfilled');
      const conflicts = results.filter(
        r =>
          r.status === 'rejected' &&
          (r.reason as Error).name === 'ConflictError',
      );
      expect(ok).toHaveLength(2);
      expect(conflicts).toHaveLength(48);
      const details = await store.get(id, coordinator);
      expect(details.selectedCount).toBe(2);
      expect(details.state).toBe('staffed');
      expect(
        details.interests.filter(i => i.status === 'selected'),
      ).toHaveLength(2);
      const [{ n }] = await knex('as_bookings')
        .where({ assignment_id: id })
        .count({ n: '*' });
      expect(Number(n)).toBe(2);
    });

    it('never books a peer for two overlapping assignments, even concurrently', async () => {
      const { store } = await createStore();
      const morning = await openAssignment(store, {
        peersWanted: 1,
        slots: [{ start: '2026-12-10T09:00', end: '2026-12-10T12:00' }],
      });
      const overlapping = await openAssignment(store, {
        peersWanted: 1,
        slots: [
          { start: '2026-12-09T09:00', end: '2026-12-09T10:00' },
          { start: '2026-12-10T11:30', end: '2026-12-10T13:00' },
        ],
      });
      const afterwards = await openAssignment(store, {
        peersWanted: 1,
        slots: [{ start: '2026-12-10T12:00', end: '2026-12-10T14:00' }],
      });
      const asa = peer('asa');
      for (const id of [morning, overlapping, afterwards]) {
        await store.showInterest(id, asa, 'Åsa Lindqvist');
      }
      const results = await Promise.allSettled(
        [morning, overlapping].map(id =>
          store.select(id, asa.userRef, coordinator),
        ),
      );
      expect(results.filter(r => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.find(r => r.status === 'rejected') as
        | PromiseRejectedResult
        | undefined;
      expect(rejected?.reason).toMatchObject({ name: 'ConflictError' });
      expect(String(rejected?.reason.message)).toMatch(/already booked/);
      // Back to back is not an overlap.
      await expect(
        store.select(afterwards, asa.userRef, coordinator),
      ).resolves.toMatchObject({ staffed: true });

      // Cancelling frees the time.
      const taken = results[0].status === 'fulfilled' ? morning : overlapping;
      const other = taken === morning ? overlapping : morning;
      await store.transition(
        taken,
        { action: 'cancel', reason: 'Inställt' },
        coordinator,
      );
      // `overlapping` also overlaps `afterwards` (11:30–13:00 against 12:00–14:00).
      const outcome = await store.select(other, asa.userRef, coordinator).then(
        () => 'selected',
        (e: Error) => e.name,
      );
      expect(outcome).toBe(
        other === overlapping ? 'ConflictError' : 'selected',
      );
    });

    it('handles interest: deadline, repeats, withdrawal, selected peers', async () => {
      let now = NOW;
      const { store } = await createStore(() => now);
      const id = await openAssignment(store, { peersWanted: 1 });
      const asa = peer('asa');
      await store.showInterest(id, asa, 'Åsa');
      await store.withdrawInterest(id, asa);
      await store.withdrawInterest(id, asa); // repeated: nothing more
      expect((await store.get(id, coordinator)).interestCount).toBe(0);
      await store.showInterest(id, asa, 'Åsa');
      await store.select(id, asa.userRef, coordinator);
      await expect(store.withdrawInterest(id, asa)).rejects.toMatchObject({
        name: 'ConflictError',
      });
      const other = await openAssignment(store);
      now = new Date('2026-12-02T09:00:00Z'); // after the deadline
      await expect(
        store.showInterest(other, peer('omar'), 'Omar'),
      ).rejects.toThrow(/last day to show interest was 2026-12-01/);
      const board = await store.list(
        { view: 'board', sort: 'date', limit: 20 },
        peer('omar'),
      );
      expect(board.items).toEqual([]);
    });

    it('lists the board with filters, sorts and keyset pages', async () => {
      const { store } = await createStore();
      const generated = demoAssignments(120, { today: '2026-11-23', seed: 3 });
      await store.insertGenerated(generated);
      // Idempotent.
      expect(await store.insertGenerated(generated)).toBe(0);
      const open = generated.filter(
        a => a.state === 'open' && a.booking.interestDeadline >= '2026-11-23',
      );
      const seen: string[] = [];
      let cursor: string | undefined;
      const totals: Array<number | undefined> = [];
      do {
        const page = await store.list(
          { view: 'board', sort: 'date', limit: 7, cursor },
          peer('asa'),
        );
        totals.push(page.totalCount);
        seen.push(...page.items.map(a => a.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen.sort()).toEqual(open.map(a => a.id).sort());
      // The total comes with the first page only.
      expect(totals).toEqual([
        open.length,
        ...totals.slice(1).map(() => undefined),
      ]);

      const digitalInRegion = await store.list(
        {
          view: 'board',
          sort: 'deadline',
          limit: 100,
          format: 'digital',
          region: 'skane',
        },
        peer('asa'),
      );
      expect(
        digitalInRegion.items.every(a => a.digitalLink && a.region === 'skane'),
      ).toBe(true);
      const deadlines = digitalInRegion.items.map(a => a.interestDeadline);
      expect(deadlines).toEqual([...deadlines].sort());

      // Suits me: ranked by the peer's profile, then by date; pages agree.
      const profile = {
        region: 'skane',
        languages: ['sv'],
        assignmentTypes: ['user-audit'],
        experience: ['relative'],
      };
      const all = await store.list(
        { view: 'board', sort: 'suits-me', limit: 100 },
        peer('asa'),
        profile,
      );
      const scores = all.items.map(a => a.suitability!);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      const paged: string[] = [];
      cursor = undefined;
      do {
        const page = await store.list(
          { view: 'board', sort: 'suits-me', limit: 4, cursor },
          peer('asa'),
          profile,
        );
        paged.push(...page.items.map(a => a.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(paged).toEqual(all.items.map(a => a.id));

      const words = await store.list(
        { view: 'all', sort: 'date', limit: 100, q: 'BRUKARREVISION' },
        coordinator,
      );
      expect(words.items.length).toBeGreaterThan(0);
      expect(words.items.every(a => a.type === 'user-audit')).toBe(true);
      await expect(
        store.list({ view: 'all', sort: 'date', limit: 5 }, peer('asa')),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
      await expect(
        store.list(
          { view: 'board', sort: 'date', limit: 5, cursor: 'bm9wZQ' },
          peer('asa'),
        ),
      ).rejects.toMatchObject({ name: 'InputError' });

      const unit = await store.list(
        { view: 'unit', sort: 'date', limit: 100 },
        teamLeader,
      );
      expect(
        unit.items.every(
          a =>
            a.unit === 'vgr-sahlgrenska-avd-367' ||
            a.createdBy === teamLeader.userRef,
        ),
      ).toBe(true);
    });

    it('exports and erases a person’s data', async () => {
      const { store } = await createStore();
      const id = await openAssignment(store, { peersWanted: 1 });
      const asa = peer('asa');
      await store.showInterest(id, asa, 'Åsa Lindqvist', 'Jag vill');
      await store.select(id, asa.userRef, coordinator);
      await store.transition(
        id,
        {
          action: 'complete',
          peers: [{ userRef: asa.userRef, actualHours: 3, travel: false }],
        },
        teamLeader,
      );
      await store.giveFeedback(id, { rating: 5, comment: 'Fint' }, asa);
      const data = await store.exportPersonalData(asa.userRef);
      expect(data).toMatchObject({
        interests: [expect.objectContaining({ message: 'Jag vill' })],
        honoraria: [expect.objectContaining({ totalOre: 100000 })],
        feedback: [expect.objectContaining({ rating: 5, comment: 'Fint' })],
      });
      const pseudonym = 'user:erased/6f1d3c8e-2b4a-4e59-9c1d-0a7b3e5f9d21';
      const report = await store.erasePersonalData(asa.userRef, {
        pseudonym,
      });
      expect(report.erased).toBeGreaterThan(0);
      // The evaluation's facts keep the work, under the pseudonym.
      const facts = await store.listFacts(0, 100);
      const completed = facts.items.find(
        f => f.kind === 'assignment-completed' && f.assignmentId === id,
      );
      expect(completed?.peers).toEqual([
        { peerRef: pseudonym, actualMinutes: 180 },
      ]);
      expect(JSON.stringify(facts.items)).not.toContain(asa.userRef);
      expect(report.kept).toEqual([
        expect.objectContaining({ what: '1 honoraria' }),
      ]);
      const after = await store.get(id, coordinator);
      expect(after.interests).toEqual([]);
      expect(JSON.stringify(after.history)).not.toContain('Åsa');
      expect(after.feedback[0].comment).toBeUndefined();
      // Repeating finds nothing more to erase.
      const again = await store.erasePersonalData(asa.userRef);
      expect(again.erased + again.anonymised).toBe(0);
    });

    it('removes interests never followed up once their assignment ended 12 months ago, to the day', async () => {
      const { knex, store } = await createStore();
      // Ends 2026-12-10 15:00 in Stockholm, 14:00 UTC.
      const id = await openAssignment(store, { peersWanted: 1 });
      await store.showInterest(id, peer('asa'), 'Åsa Lindqvist');
      await store.showInterest(id, peer('omar'), 'Omar Haddad');
      await store.showInterest(id, peer('maja'), 'Maja Ek');
      await store.withdrawInterest(id, peer('maja'));
      await store.select(id, peer('omar').userRef, coordinator);
      const policy = {
        interestNotFollowedUpMonths: 12,
        rsvpNeedsAfterMeetingDays: 30,
        leftNetworkMonths: 24,
        erasureRecordsMonths: 36,
      };
      const people = async () =>
        (await knex('as_interests').where({ assignment_id: id }))
          .map(r => r.user_ref)
          .sort();

      // One day short of twelve months after the end: everything stays.
      const before = await store.applyRetention(
        policy,
        new Date('2027-12-09T14:00:00.000Z'),
      );
      expect(before.removed).toEqual([
        expect.objectContaining({
          rule: 'interestNotFollowedUpMonths',
          count: 0,
        }),
      ]);
      expect(await people()).toHaveLength(3);

      // One day past: the interest and the withdrawn one go; the selection stays.
      const after = await store.applyRetention(
        policy,
        new Date('2027-12-11T14:00:00.000Z'),
      );
      expect(after.removed[0].count).toBe(2);
      expect(await people()).toEqual(['user:default/omar']);
      const again = await store.applyRetention(
        policy,
        new Date('2027-12-11T14:00:00.000Z'),
      );
      expect(again.removed[0].count).toBe(0);
    });
  },
);
