import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { meetingCreateSchema } from '@internal/plugin-network-meetings-common';
import {
  ALL_AUDIENCES_VIEWER,
  DatabaseMeetingStore,
} from '../database/DatabaseMeetingStore';
import { Notifier } from '../service/Notifier';
import { sendReminders } from './reminders';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())('sendReminders on %s', id => {
  it('reminds those with a place a week and a day before, once each, in Swedish', async () => {
    let now = new Date('2027-03-01T10:00:00Z');
    const knex = await databases.init(id);
    const store = await DatabaseMeetingStore.create({
      database: mockServices.database({ knex }),
      now: () => now,
    });
    const sent: NotificationSendOptions[] = [];
    const notifier = new Notifier(
      { send: async o => void sent.push(o) },
      mockServices.logger.mock(),
    );
    const meeting = await store.createMeeting(
      meetingCreateSchema.parse({
        title: 'Nätverksträff',
        kind: 'network-meeting',
        place: 'Ryhov',
        audience: 'everyone',
        capacity: 1,
        start: '2027-03-30T18:00',
        end: '2027-03-30T20:00',
      }),
      'user:default/mia.nordlund',
      ALL_AUDIENCES_VIEWER,
    );
    for (const name of ['asa', 'omar']) {
      await store.answer(
        meeting.id,
        { ...ALL_AUDIENCES_VIEWER, userRef: `user:default/${name}` },
        { answer: 'yes' },
      );
    }
    const run = () => sendReminders({ store, notifier });

    now = new Date('2027-03-23T16:05:00Z');
    expect(await run()).toBe(1);
    now = new Date('2027-03-23T16:20:00Z');
    expect(await run()).toBe(0);
    now = new Date('2027-03-29T16:05:00Z');
    expect(await Promise.all([run(), run()])).toEqual(
      expect.arrayContaining([1, 0]),
    );
    expect(await run()).toBe(0);

    expect(sent.map(s => [s.recipients, s.payload.title])).toEqual([
      [
        { type: 'entity', entityRef: ['user:default/asa'] },
        'Om en vecka: Nätverksträff',
      ],
      [
        { type: 'entity', entityRef: ['user:default/asa'] },
        'I morgon: Nätverksträff',
      ],
    ]);
    // The day after the change to summer time, still 18:00.
    expect(sent[1].payload.description).toBe(
      'Påminnelse: tisdag 30 mars 2027 kl. 18:00, Ryhov.',
    );
  });
});
