import {
  ALL_AUDIENCES_VIEWER,
  DatabaseMeetingStore,
} from '../database/DatabaseMeetingStore';
import {
  MeetingCreate,
  meetingCreateSchema,
} from '@internal/plugin-network-meetings-common';
import { DateTime } from 'luxon';
import { instantOf } from '../database/time';

const ZONE = 'Europe/Stockholm';
const u = (name: string) => `user:default/${name}`;
/** Fictional members who fill up places, beside the demo users of catalog/org.yaml. */
const member = (i: number) => u(`demo.member.${i}`);

type SeedMeeting = {
  daysFromToday: number;
  from: string;
  to: string;
  input: Omit<MeetingCreate, 'start' | 'end' | 'rsvpDeadline' | 'recurrence'> &
    Partial<Pick<MeetingCreate, 'recurrence'>>;
  /** Days before the meeting that answers close. */
  deadlineDaysBefore?: number;
  yes: string[];
  maybe?: string[];
  no?: string[];
  needs?: Record<string, string>;
  /** Those of the yeses marked absent, for a meeting held. */
  absent?: string[];
};

const MEETINGS: SeedMeeting[] = [
  {
    daysFromToday: -45,
    from: '18:00',
    to: '20:30',
    input: {
      title: 'Nätverksträff i Jönköping',
      kind: 'network-meeting',
      agenda: [
        'Erfarenhetsutbyte från uppdragen',
        'Nytt inom psykiatrin i länet',
        'Öppna uppdrag från förmedlingstjänsten',
      ],
      place: 'Recovery College, Jönköping',
      videoUrl: null,
      region: 'jonkoping',
      audience: 'everyone',
      capacity: 30,
    },
    yes: [
      u('asa.lindqvist'),
      u('omar.haddad'),
      u('peter.aberg'),
      ...[1, 2, 3, 4, 5, 6, 7, 8].map(member),
    ],
    absent: [member(7), member(8)],
    needs: { [u('asa.lindqvist')]: 'Vegetarisk kost' },
  },
  {
    daysFromToday: -20,
    from: '13:00',
    to: '16:00',
    input: {
      title: 'Recovery College: Att berätta sin historia',
      kind: 'recovery-college',
      agenda: [
        'Berättelsen som verktyg',
        'Övning i par',
        'Gränser och trygghet',
      ],
      place: 'Psykiatri Södra Stockholm, konferensrum Ljuset',
      videoUrl: null,
      region: 'stockholm',
      audience: 'peers',
      capacity: 12,
    },
    yes: [u('omar.haddad'), ...[9, 10, 11, 12, 13].map(member)],
    absent: [member(13)],
  },
  {
    daysFromToday: 9,
    from: '17:30',
    to: '20:00',
    input: {
      title: 'Vårens nätverksträff i Västra Götaland',
      kind: 'network-meeting',
      agenda: [
        'Välkommen och fika',
        'Erfarenhetsutbyte: vad har uppdragen lärt oss?',
        'Aktuellt inom psykisk hälsa',
        'Öppna uppdrag',
      ],
      place: 'Sahlgrenska, Blå stråket 5, Göteborg',
      videoUrl: null,
      region: 'vastra-gotaland',
      audience: 'everyone',
      capacity: 10,
    },
    deadlineDaysBefore: 3,
    yes: [
      u('omar.haddad'),
      u('anders.holm'),
      u('karin.sjoberg'),
      ...[1, 2, 3, 4, 5, 6, 7, 14, 15].map(member),
      u('asa.lindqvist'),
    ],
    maybe: [u('elin.bergstrom')],
    needs: { [u('omar.haddad')]: 'Glutenfritt' },
  },
  {
    daysFromToday: 14,
    from: '09:30',
    to: '12:00',
    input: {
      title: 'Recovery College-kurs: Återhämtning i vardagen',
      kind: 'recovery-college',
      agenda: ['Vad är återhämtning?', 'Egna strategier', 'Att stötta andra'],
      place: 'Psykiatri Norra Stockholm, Sveavägen',
      videoUrl: null,
      region: 'stockholm',
      audience: 'peers',
      capacity: 5,
    },
    yes: [...[9, 10, 11, 12, 16, 17, 18].map(member), u('omar.haddad')],
  },
  {
    daysFromToday: 4,
    from: '13:00',
    to: '15:00',
    input: {
      title: 'Handledning för peer supporters',
      kind: 'supervision-group',
      agenda: ['Runda: hur har månaden varit?', 'Fallbeskrivningar', 'Avslut'],
      place: 'Allmänpsykiatrisk mottagning Lund',
      videoUrl: 'https://meet.example.se/handledning-skane',
      region: 'skane',
      audience: 'peer-supporters',
      capacity: 8,
      recurrence: { frequency: 'monthly', interval: 1, count: 8 },
    },
    yes: [u('elin.bergstrom'), u('jonas.nilsson')],
  },
  {
    daysFromToday: 21,
    from: '18:00',
    to: '20:00',
    input: {
      title: 'Nätverksträff i Västerbotten',
      kind: 'network-meeting',
      agenda: ['Erfarenheter från avdelning 5', 'Peer support på distans'],
      place: 'Psykiatriska kliniken Umeå',
      videoUrl: 'https://meet.example.se/natverk-vasterbotten',
      region: 'vasterbotten',
      audience: 'everyone',
      capacity: 20,
    },
    yes: [u('jonas.nilsson'), member(19), member(20)],
  },
  {
    daysFromToday: 30,
    from: '10:00',
    to: '12:00',
    input: {
      title: 'Nordiskt samarbetsmöte: utbildning och handledning',
      kind: 'nordic-cooperation',
      agenda: [
        'Sverige, Norge, Island, Estland, Lettland och Litauen: läget',
        'Anställningsformer och reglering',
        'Forskning om peer support',
      ],
      place: null,
      videoUrl: 'https://meet.example.se/nordiskt-samarbete',
      region: null,
      audience: 'everyone',
      capacity: null,
    },
    yes: [u('mia.nordlund'), u('helena.strand')],
    maybe: [u('elin.bergstrom')],
  },
  {
    daysFromToday: 40,
    from: '18:00',
    to: '20:30',
    input: {
      title: 'Nätverksträff i Skåne',
      kind: 'network-meeting',
      agenda: ['Erfarenhetsutbyte', 'Öppna uppdrag i regionen'],
      place: 'Vuxenpsykiatri Malmö',
      videoUrl: null,
      region: 'skane',
      audience: 'peers',
      capacity: 25,
    },
    yes: [member(21)],
  },
];

/**
 * Loads the demo calendar: past meetings with attendance, upcoming ones
 * across the five regions, a monthly supervision series, and two meetings
 * that are full with a waitlist. Dates are relative to today, so the demo
 * always has something coming up. Idempotent: a meeting already there (same
 * title and start) is left alone.
 */
export async function seedDemoMeetings(
  store: DatabaseMeetingStore,
  today: DateTime = DateTime.now().setZone(ZONE),
): Promise<number> {
  let created = 0;
  for (const seed of MEETINGS) {
    const day = today.plus({ days: seed.daysFromToday }).toFormat('yyyy-MM-dd');
    const start = `${day}T${seed.from}`;
    if (await store.hasMeeting(seed.input.title, instantOf(start, 'start'))) {
      continue;
    }
    const startsAt = instantOf(start, 'start');
    // Answers were given while the meeting was ahead.
    const before = store.withClock(
      () =>
        new Date(Math.min(startsAt.getTime() - 20 * 24 * 3600_000, Date.now())),
    );
    const input = meetingCreateSchema.parse({
      ...seed.input,
      start,
      end: `${day}T${seed.to}`,
      rsvpDeadline: seed.deadlineDaysBefore
        ? today
            .plus({ days: seed.daysFromToday - seed.deadlineDaysBefore })
            .toFormat('yyyy-MM-dd')
        : null,
    });
    const meeting = await before.createMeeting(
      input,
      u('mia.nordlund'),
      ALL_AUDIENCES_VIEWER,
    );
    const answer = async (userRef: string, value: 'yes' | 'no' | 'maybe') =>
      before.answer(
        meeting.id,
        { ...ALL_AUDIENCES_VIEWER, userRef },
        { answer: value, needs: seed.needs?.[userRef] },
      );
    for (const ref of seed.yes) await answer(ref, 'yes');
    for (const ref of seed.maybe ?? []) await answer(ref, 'maybe');
    for (const ref of seed.no ?? []) await answer(ref, 'no');
    if (seed.daysFromToday < 0) {
      const after = store.withClock(
        () => new Date(startsAt.getTime() + 3 * 3600_000),
      );
      await after.recordAttendance(meeting.id, {
        attendees: seed.yes.map(userRef => ({
          userRef,
          attended: !(seed.absent ?? []).includes(userRef),
        })),
      });
    }
    created++;
  }
  return created;
}
