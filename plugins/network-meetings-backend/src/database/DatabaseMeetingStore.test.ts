import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import {
  Audience,
  MeetingCreate,
  meetingCreateSchema,
} from '@internal/plugin-network-meetings-common';
import { DatabaseMeetingStore, Viewer } from './DatabaseMeetingStore';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const ALL: ReadonlySet<Audience> = new Set([
  'everyone',
  'peers',
  'peer-supporters',
]);
const viewer = (name: string, audiences = ALL): Viewer => ({
  userRef: `user:default/${name}`,
  audiences,
});
const coordinator = viewer('mia.nordlund');

function meeting(overrides: Partial<MeetingCreate> = {}): MeetingCreate {
  return meetingCreateSchema.parse({
    title: 'Nätverksträff',
    kind: 'network-meeting',
    place: 'Ryhov, Jönköping',
    audience: 'everyone',
    start: '2027-04-13T18:00',
    end: '2027-04-13T20:00',
    ...overrides,
  });
}

describe.each(databases.eachSupportedId())(
  'DatabaseMeetingStore on %s',
  databaseId => {
    let now: Date;
    async function createStore() {
      now = new Date('2027-03-01T10:00:00Z');
      const knex = await databases.init(databaseId);
      const store = await DatabaseMeetingStore.create({
        database: mockServices.database({ knex }),
        now: () => now,
      });
      return { knex, store };
    }

    it('gives exactly 20 places and 80 waitlisted in arrival order to 100 concurrent yeses', async () => {
      const { store, knex } = await createStore();
      const created = await store.createMeeting(
        meeting({ capacity: 20 }),
        coordinator.userRef,
        coordinator,
      );
      const people = Array.from({ length: 100 }, (_, i) =>
        viewer(`person.${i}`),
      );
      const results = await Promise.all(
        people.map(p => store.answer(created.id, p, { answer: 'yes' })),
      );
      const statuses = results.map(r => r.rsvp.status);
      expect(statuses.filter(s => s === 'confirmed')).toHaveLength(20);
      expect(statuses.filter(s => s === 'waitlisted')).toHaveLength(80);

      const rows = await knex('nm_rsvps')
        .where({ occurrence_id: created.id })
        .orderBy('queue_seq');
      expect(rows).toHaveLength(100);
      // Arrival order is the order the transactions took the lock: the
      // first 20 in line have the places, the next 80 wait in that order.
      expect(rows.map(r => Number(r.queue_seq))).toEqual(
        Array.from({ length: 100 }, (_, i) => i + 1),
      );
      expect(rows.slice(0, 20).every(r => r.status === 'confirmed')).toBe(true);
      expect(rows.slice(20).every(r => r.status === 'waitlisted')).toBe(true);
      const attendees = await store.listAttendees(created.id);
      expect(
        attendees
          .filter(a => a.status === 'waitlisted')
          .map(a => a.waitlistPosition),
      ).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
      expect(attendees.filter(a => a.status === 'waitlisted')[0].userRef).toBe(
        rows[20].user_ref,
      );

      // The same yes again, concurrently, changes nothing.
      await Promise.all(
        people.map(p => store.answer(created.id, p, { answer: 'yes' })),
      );
      const again = await store.getMeeting(created.id, coordinator);
      expect(again.confirmedCount).toBe(20);
      expect(again.waitlistCount).toBe(80);
      const [{ count }] = await knex('nm_rsvps').count({ count: '*' });
      expect(Number(count)).toBe(100);
    });

    it('promotes the first on the waitlist when someone says no or maybe', async () => {
      const { store } = await createStore();
      const m = await store.createMeeting(
        meeting({ capacity: 2 }),
        coordinator.userRef,
        coordinator,
      );
      const [asa, omar, elin, jonas] = ['asa', 'omar', 'elin', 'jonas'].map(n =>
        viewer(n),
      );
      await store.answer(m.id, asa, { answer: 'yes', needs: 'Vegetariskt' });
      await store.answer(m.id, omar, { answer: 'yes' });
      const third = await store.answer(m.id, elin, { answer: 'yes' });
      expect(third.rsvp).toMatchObject({
        status: 'waitlisted',
        waitlistPosition: 1,
      });
      const fourth = await store.answer(m.id, jonas, { answer: 'yes' });
      expect(fourth.rsvp.waitlistPosition).toBe(2);
      expect(fourth.meeting.waitlistCount).toBe(2);

      const cancel = await store.answer(m.id, asa, { answer: 'no' });
      expect(cancel.rsvp.status).toBe('declined');
      expect(cancel.rsvp.needs).toBe('Vegetariskt');
      expect(cancel.promoted).toEqual([
        expect.objectContaining({ userRefs: [elin.userRef] }),
      ]);
      expect((await store.getMeeting(m.id, elin)).myRsvp?.status).toBe(
        'confirmed',
      );
      expect((await store.getMeeting(m.id, jonas)).myRsvp).toMatchObject({
        status: 'waitlisted',
        waitlistPosition: 1,
      });

      // A yes repeated keeps the place in line; maybe gives a place away.
      expect(
        (await store.answer(m.id, jonas, { answer: 'yes' })).rsvp
          .waitlistPosition,
      ).toBe(1);
      const maybe = await store.answer(m.id, omar, { answer: 'maybe' });
      expect(maybe.promoted[0].userRefs).toEqual([jonas.userRef]);
      // Åsa changes her mind: she is last in line now.
      const back = await store.answer(m.id, asa, { answer: 'yes' });
      expect(back.rsvp).toMatchObject({
        status: 'waitlisted',
        waitlistPosition: 1,
      });

      // More places promote the waitlist; fewer than taken is a conflict.
      const bigger = await store.updateMeeting(m.id, { capacity: 3 }, asa);
      expect(bigger.promoted[0].userRefs).toEqual([asa.userRef]);
      await expect(
        store.updateMeeting(m.id, { capacity: 1 }, coordinator),
      ).rejects.toThrow(/capacity: 3 people already have a place/);
    });

    it('refuses answers to cancelled or started meetings, after the deadline, and outside the audience', async () => {
      const { store } = await createStore();
      const m = await store.createMeeting(
        meeting({ audience: 'peers', rsvpDeadline: '2027-04-06' }),
        coordinator.userRef,
        coordinator,
      );
      const supporter = viewer(
        'elin',
        new Set(['everyone', 'peer-supporters']),
      );
      await expect(
        store.answer(m.id, supporter, { answer: 'yes' }),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });

      const peer = viewer('asa');
      now = new Date('2027-04-07T10:00:00Z');
      await expect(
        store.answer(m.id, peer, { answer: 'yes' }),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      // Saying no is always possible before the start.
      await store.answer(m.id, peer, { answer: 'no' });
      expect((await store.getMeeting(m.id, peer)).open).toBe(false);

      now = new Date('2027-03-01T10:00:00Z');
      await store.cancelMeeting(m.id, 'occurrence');
      await expect(
        store.answer(m.id, peer, { answer: 'yes' }),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      await expect(
        store.cancelMeeting(m.id, 'occurrence'),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      await expect(
        store.answer('00000000-0000-4000-8000-000000000000', peer, {
          answer: 'yes',
        }),
      ).rejects.toMatchObject({ name: 'NotFoundError' });
    });

    it('expands a monthly series; one meeting is moved or cancelled without touching the rest', async () => {
      const { store } = await createStore();
      const first = await store.createMeeting(
        meeting({
          title: 'Handledning',
          kind: 'supervision-group',
          audience: 'peer-supporters',
          start: '2027-01-12T13:00',
          end: '2027-01-12T15:00',
          rsvpDeadline: '2027-01-10',
          recurrence: { frequency: 'monthly', interval: 1, count: 6 },
        }),
        coordinator.userRef,
        coordinator,
      );
      expect(first.id).toBe(`${first.meetingId}_20270112`);
      const series = await store.listMeetings(
        { limit: 100, from: '2027-01-01', to: '2027-12-31' },
        coordinator,
      );
      expect(series.items.map(i => i.start)).toEqual([
        '2027-01-12T13:00',
        '2027-02-12T13:00',
        '2027-03-12T13:00',
        '2027-04-12T13:00',
        '2027-05-12T13:00',
        '2027-06-12T13:00',
      ]);
      expect(series.items.map(i => i.rsvpDeadline)).toEqual([
        '2027-01-10',
        '2027-02-10',
        '2027-03-10',
        '2027-04-10',
        '2027-05-10',
        '2027-06-10',
      ]);
      const [, , march, april, may] = series.items;
      const moved = await store.updateMeeting(
        march.id,
        { start: '2027-03-16T13:00', end: '2027-03-16T15:30' },
        coordinator,
      );
      expect(moved.meeting).toMatchObject({
        start: '2027-03-16T13:00',
        end: '2027-03-16T15:30',
        moved: true,
      });
      await store.cancelMeeting(april.id, 'occurrence');
      // Answers are per meeting of the series.
      const elin = viewer('elin');
      await store.answer(may.id, elin, { answer: 'yes' });

      const after = await store.listMeetings(
        { limit: 100, from: '2027-01-01', to: '2027-12-31' },
        elin,
      );
      expect(
        after.items.map(i => [i.start, i.status, i.myRsvp?.status ?? null]),
      ).toEqual([
        ['2027-01-12T13:00', 'scheduled', null],
        ['2027-02-12T13:00', 'scheduled', null],
        ['2027-03-16T13:00', 'scheduled', null],
        ['2027-04-12T13:00', 'cancelled', null],
        ['2027-05-12T13:00', 'scheduled', 'confirmed'],
        ['2027-06-12T13:00', 'scheduled', null],
      ]);
      // A shared field changes the whole series.
      await store.updateMeeting(may.id, { title: 'Handledning grupp B' }, elin);
      const renamed = await store.listMeetings({ limit: 100 }, elin);
      expect(new Set(renamed.items.map(i => i.title))).toEqual(
        new Set(['Handledning grupp B']),
      );
      // Cancelling the rest of the series from May leaves the earlier ones.
      const notices = await store.cancelMeeting(may.id, 'series');
      expect(notices.map(n => n.meeting.start)).toEqual([
        '2027-05-12T13:00',
        '2027-06-12T13:00',
      ]);
      expect(notices[0].userRefs).toEqual([elin.userRef]);
      const final = await store.listMeetings({ limit: 100 }, elin);
      expect(final.items.map(i => i.status)).toEqual([
        'scheduled',
        'scheduled',
        'scheduled',
        'cancelled',
        'cancelled',
        'cancelled',
      ]);
      // Filters and paging.
      const page = await store.listMeetings({ limit: 4 }, elin);
      expect(page.items).toHaveLength(4);
      const rest = await store.listMeetings(
        { limit: 4, cursor: page.nextCursor },
        elin,
      );
      expect(rest.items.map(i => i.id)).toEqual(
        final.items.slice(4).map(i => i.id),
      );
      expect(rest.nextCursor).toBeUndefined();
      expect(
        (await store.listMeetings({ limit: 100, mine: 'true' }, elin)).items,
      ).toHaveLength(1);
      expect(
        (
          await store.listMeetings(
            { limit: 100, kind: 'network-meeting' },
            elin,
          )
        ).items,
      ).toHaveLength(0);
    });

    it('keeps 18:00 at 18:00 across the changes to and from daylight-saving time', async () => {
      const { store } = await createStore();
      const weekly = await store.createMeeting(
        meeting({
          start: '2027-03-22T18:00',
          end: '2027-03-22T19:30',
          recurrence: { frequency: 'weekly', interval: 1, until: '2027-04-05' },
        }),
        coordinator.userRef,
        coordinator,
      );
      const list = await store.listMeetings(
        { limit: 100, from: '2027-03-01', to: '2027-04-30' },
        coordinator,
      );
      expect(list.items.map(i => [i.start, i.end, i.startsAt])).toEqual([
        ['2027-03-22T18:00', '2027-03-22T19:30', '2027-03-22T17:00:00.000Z'],
        // 2027-03-28 is the last Sunday of March: summer time from then.
        ['2027-03-29T18:00', '2027-03-29T19:30', '2027-03-29T16:00:00.000Z'],
        ['2027-04-05T18:00', '2027-04-05T19:30', '2027-04-05T16:00:00.000Z'],
      ]);
      expect(weekly.recurrence).toEqual({
        frequency: 'weekly',
        interval: 1,
        until: '2027-04-05',
      });
      const autumn = await store.createMeeting(
        meeting({ start: '2027-11-01T18:00', end: '2027-11-01T20:00' }),
        coordinator.userRef,
        coordinator,
      );
      expect(autumn.startsAt).toBe('2027-11-01T17:00:00.000Z');
      expect(autumn.start).toBe('2027-11-01T18:00');
      // Filtering by day is by day in Stockholm.
      const day = await store.listMeetings(
        { limit: 100, from: '2027-11-01', to: '2027-11-01' },
        coordinator,
      );
      expect(day.items.map(i => i.id)).toEqual([autumn.id]);
      // The hour skipped when clocks go forward does not exist.
      await expect(
        store.createMeeting(
          meeting({ start: '2027-03-28T02:30', end: '2027-03-28T04:00' }),
          coordinator.userRef,
          coordinator,
        ),
      ).rejects.toThrow(/start: 2027-03-28T02:30 does not exist/);
    });

    it('records attendance after the start, as facts without names, and refuses unknown people', async () => {
      const { store, knex } = await createStore();
      const m = await store.createMeeting(
        meeting({ region: 'jonkoping', capacity: 10 }),
        coordinator.userRef,
        coordinator,
      );
      const asa = viewer('asa');
      const omar = viewer('omar');
      await store.answer(m.id, asa, { answer: 'yes' });
      await store.answer(m.id, omar, { answer: 'yes' });
      await expect(
        store.recordAttendance(m.id, {
          attendees: [{ userRef: asa.userRef, attended: true }],
        }),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      now = new Date('2027-04-13T19:00:00Z');
      await expect(
        store.recordAttendance(m.id, {
          attendees: [
            { userRef: asa.userRef, attended: true },
            { userRef: 'user:default/stranger', attended: true },
          ],
        }),
      ).rejects.toThrow(/attendees.1.userRef: has not answered/);
      expect((await knex('nm_rsvps').whereNotNull('attended')).length).toBe(0);
      const fact = await store.recordAttendance(m.id, {
        attendees: [
          { userRef: asa.userRef, attended: true },
          { userRef: omar.userRef, attended: false },
        ],
      });
      expect(fact).toMatchObject({
        occurrenceId: m.id,
        kind: 'network-meeting',
        region: 'jonkoping',
        confirmed: 2,
        attended: 1,
        absent: 1,
      });
      expect(JSON.stringify(fact)).not.toMatch(/asa|omar/);
      const second = await store.recordAttendance(m.id, {
        attendees: [{ userRef: omar.userRef, attended: true }],
      });
      expect(Number(second.cursor)).toBeGreaterThan(Number(fact.cursor));
      const facts = await store.listFacts(undefined, 1);
      expect(facts.items.map(f => f.cursor)).toEqual([fact.cursor]);
      const next = await store.listFacts(facts.nextCursor, 10);
      expect(next.items).toEqual([second]);
      expect((await store.getMeeting(m.id, asa)).attendanceRecorded).toBe(true);
    });

    it('claims each reminder once: a week before and a day before, for those with a place', async () => {
      const { store } = await createStore();
      const m = await store.createMeeting(
        meeting({ capacity: 1 }),
        coordinator.userRef,
        coordinator,
      );
      await store.answer(m.id, viewer('asa'), { answer: 'yes' });
      await store.answer(m.id, viewer('omar'), { answer: 'yes' });
      await store.answer(m.id, viewer('elin'), { answer: 'maybe' });
      now = new Date('2027-04-01T10:00:00Z');
      expect(await store.claimReminders()).toEqual([]);
      now = new Date('2027-04-07T10:00:00Z');
      const week = await store.claimReminders();
      expect(week.map(b => [b.kind, b.userRefs])).toEqual([
        ['week', ['user:default/asa']],
      ]);
      expect(await store.claimReminders()).toEqual([]);
      now = new Date('2027-04-12T18:00:00Z');
      const [day, ...none] = await Promise.all([
        store.claimReminders(),
        store.claimReminders(),
      ]);
      expect([...day, ...none.flat()].map(b => [b.kind, b.userRefs])).toEqual([
        ['day', ['user:default/asa']],
      ]);
      expect(await store.claimReminders()).toEqual([]);
    });

    it('keeps only the hash of a feed token, which can be revoked and made again', async () => {
      const { store, knex } = await createStore();
      const { token } = await store.createFeedToken('user:default/asa');
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(JSON.stringify(await knex('nm_feed_tokens'))).not.toContain(token);
      expect(await store.userRefOfToken(token)).toBe('user:default/asa');
      const again = await store.createFeedToken('user:default/asa');
      expect(await store.userRefOfToken(token)).toBeUndefined();
      expect(await store.userRefOfToken(again.token)).toBe('user:default/asa');
      expect(await store.revokeFeedToken('user:default/asa')).toBe(true);
      expect(await store.userRefOfToken(again.token)).toBeUndefined();
      expect(await store.feedStatus('user:default/asa')).toEqual({
        active: false,
      });
    });

    it('exports and erases a person, giving their place to the waitlist', async () => {
      const { store } = await createStore();
      const m = await store.createMeeting(
        meeting({ capacity: 1 }),
        coordinator.userRef,
        coordinator,
      );
      const asa = viewer('asa');
      await store.answer(m.id, asa, { answer: 'yes', needs: 'Rullstol' });
      await store.answer(m.id, viewer('omar'), { answer: 'yes' });
      await store.createFeedToken(asa.userRef);
      const exported = await store.exportPersonalData(asa.userRef);
      expect(exported).toMatchObject({
        answers: [{ meetingId: m.id, needs: 'Rullstol', status: 'confirmed' }],
        calendarFeed: { active: true },
      });
      const report = await store.erasePersonalData(asa.userRef);
      expect(report.erased).toBe(2);
      expect(await store.exportPersonalData(asa.userRef)).toBeUndefined();
      expect(
        (await store.getMeeting(m.id, viewer('omar'))).myRsvp?.status,
      ).toBe('confirmed');
      expect((await store.erasePersonalData(asa.userRef)).erased).toBe(0);
      const organiser = await store.erasePersonalData(coordinator.userRef);
      expect(organiser.anonymised).toBe(1);
    });

    it('removes RSVP needs 30 days after the meeting, to the day, and keeps the answers', async () => {
      const { store, knex } = await createStore();
      // 13 April 2027, 18:00 to 20:00 in Stockholm: ends 18:00 UTC.
      const m = await store.createMeeting(
        meeting(),
        coordinator.userRef,
        coordinator,
      );
      await store.answer(m.id, viewer('asa'), {
        answer: 'yes',
        needs: 'Vegetarisk kost',
      });
      await store.answer(m.id, viewer('omar'), { answer: 'maybe' });
      const later = await store.createMeeting(
        meeting({ start: '2027-06-01T18:00', end: '2027-06-01T20:00' }),
        coordinator.userRef,
        coordinator,
      );
      await store.answer(later.id, viewer('asa'), {
        answer: 'yes',
        needs: 'Hörslinga',
      });
      const policy = {
        interestNotFollowedUpMonths: 12,
        rsvpNeedsAfterMeetingDays: 30,
        leftNetworkMonths: 24,
        erasureRecordsMonths: 36,
      };
      const needs = async () =>
        (await knex('nm_rsvps').where({ user_ref: 'user:default/asa' }))
          .map(r => r.needs)
          .sort();

      const before = await store.applyRetention(
        policy,
        new Date('2027-05-12T18:00:00.000Z'),
      );
      expect(before.removed).toEqual([
        expect.objectContaining({
          rule: 'rsvpNeedsAfterMeetingDays',
          count: 0,
        }),
      ]);
      expect(await needs()).toEqual(['Hörslinga', 'Vegetarisk kost']);

      const after = await store.applyRetention(
        policy,
        new Date('2027-05-14T18:00:00.000Z'),
      );
      expect(after.removed[0].count).toBe(1);
      expect(await needs()).toEqual(['', 'Hörslinga']);
      expect(
        await knex('nm_rsvps').where({ occurrence_id: m.id }),
      ).toHaveLength(2);
      expect(
        (
          await store.applyRetention(
            policy,
            new Date('2027-05-14T18:00:00.000Z'),
          )
        ).removed[0].count,
      ).toBe(0);
    });
  },
);
