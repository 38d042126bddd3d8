import { Meeting } from '@internal/plugin-network-meetings-common';
import { meetingsToIcs } from './ics';

// eslint-disable-next-line @backstage/no-undeclared-imports
const ICAL = require('ical.js');

function meeting(overrides: Partial<Meeting>): Meeting {
  return {
    id: '0f4c3a2e-1111-4c4c-8888-000000000001',
    meetingId: '0f4c3a2e-1111-4c4c-8888-000000000001',
    title: 'Nätverksträff',
    kind: 'network-meeting',
    agenda: [],
    place: 'Ryhov',
    videoUrl: null,
    region: 'jonkoping',
    audience: 'everyone',
    capacity: 20,
    rsvpDeadline: null,
    start: '2027-03-29T18:00',
    end: '2027-03-29T20:00',
    startsAt: '2027-03-29T16:00:00.000Z',
    endsAt: '2027-03-29T18:00:00.000Z',
    timeZone: 'Europe/Stockholm',
    status: 'scheduled',
    moved: false,
    recurrence: null,
    confirmedCount: 0,
    waitlistCount: 0,
    maybeCount: 0,
    open: true,
    canAnswer: true,
    attendanceRecorded: false,
    createdBy: 'user:default/mia.nordlund',
    updatedAt: '2027-03-01T10:00:00.000Z',
    ...overrides,
  };
}

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  // Register the feed's own VTIMEZONE, as a calendar app does.
  for (const tz of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(tz);
  }
  return {
    calendar,
    events: calendar
      .getAllSubcomponents('vevent')
      .map((e: any) => new ICAL.Event(e)),
  };
}

describe('meetingsToIcs', () => {
  it('round-trips: 18:00 in Stockholm the day after each daylight-saving change', () => {
    const text = meetingsToIcs(
      [
        meeting({}),
        meeting({
          id: '0f4c3a2e-1111-4c4c-8888-000000000002',
          start: '2027-11-01T18:00',
          end: '2027-11-01T20:00',
          startsAt: '2027-11-01T17:00:00.000Z',
          endsAt: '2027-11-01T19:00:00.000Z',
        }),
      ],
      { name: 'Test', appBaseUrl: 'http://portal' },
    );
    const { calendar, events } = parse(text);
    expect(
      calendar.getFirstSubcomponent('vtimezone').getFirstPropertyValue('tzid'),
    ).toBe('Europe/Stockholm');
    expect(text).toContain('DTSTART;TZID=Europe/Stockholm:20270329T180000');
    expect(text).toContain('DTSTART;TZID=Europe/Stockholm:20271101T180000');
    expect(
      events.map((e: any) => [
        e.startDate.toString(),
        e.startDate.toJSDate().toISOString(),
        e.endDate.toString(),
      ]),
    ).toEqual([
      [
        '2027-03-29T18:00:00',
        '2027-03-29T16:00:00.000Z',
        '2027-03-29T20:00:00',
      ],
      [
        '2027-11-01T18:00:00',
        '2027-11-01T17:00:00.000Z',
        '2027-11-01T20:00:00',
      ],
    ]);
    expect(events[0].uid).toBe(
      '0f4c3a2e-1111-4c4c-8888-000000000001@network-meetings',
    );
  });

  it('escapes text, folds long lines at 75 octets without splitting characters, and uses CRLF', () => {
    const title = 'Träff; med komma, semikolon och \\ snedstreck';
    const agenda = [
      'Erfarenhetsutbyte från uppdragen på avdelningarna i Västra Götaland, Skåne, Jönköping, Stockholm och Västerbotten – åäö ÅÄÖ',
      'Rad två\nmed radbrytning',
    ];
    const text = meetingsToIcs([meeting({ title, agenda })], {
      name: 'Test',
      appBaseUrl: 'http://portal',
    });
    expect(text).toContain(
      'SUMMARY:Träff\\; med komma\\, semikolon och \\\\ snedstreck',
    );
    const lines = text.split('\r\n');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    for (const line of lines) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      expect(line).not.toContain('\uFFFD');
    }
    expect(lines.some(l => l.startsWith(' '))).toBe(true);
    const { events } = parse(text);
    expect(events[0].summary).toBe(title);
    expect(events[0].description).toContain(`• ${agenda[0]}`);
    expect(events[0].description).toContain('Rad två\nmed radbrytning');
    expect(events[0].location).toBe('Ryhov');
  });

  it('marks cancelled meetings and uncertain answers', () => {
    const text = meetingsToIcs(
      [
        meeting({ status: 'cancelled' }),
        meeting({
          id: '0f4c3a2e-1111-4c4c-8888-000000000003',
          myRsvp: {
            answer: 'yes',
            status: 'waitlisted',
            waitlistPosition: 2,
            needs: '',
            answeredAt: '2027-03-01T10:00:00.000Z',
          },
        }),
      ],
      { name: 'Test', appBaseUrl: 'http://portal' },
    );
    const { events } = parse(text);
    expect(
      events.map((e: any) => e.component.getFirstPropertyValue('status')),
    ).toEqual(['CANCELLED', 'TENTATIVE']);
    expect(events[0].summary).toBe('INSTÄLLT: Nätverksträff');
  });
});
