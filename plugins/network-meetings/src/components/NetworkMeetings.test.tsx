import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { registerMswTestHooks } from '@backstage/test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { Meeting } from '@internal/plugin-network-meetings-common';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { Route, Routes } from 'react-router-dom';
import { networkMeetingsApiRef } from '../api/NetworkMeetingsApi';
import { NetworkMeetingsClient } from '../api/NetworkMeetingsClient';
import { CalendarPage } from './CalendarPage';
import { MeetingPage } from './MeetingPage';
import { NewMeetingPage, validate, toCreateRequest } from './MeetingForm';
import { formatStart, viewerTime } from './format';

jest.setTimeout(30_000);

const server = setupServer();
registerMswTestHooks(server);

const BASE = 'http://localhost:7007/api/network-meetings';
const ASSIGNMENTS = 'http://localhost:7007/api/assignments';

const meeting: Meeting = {
  id: '0f4c3a2e-1111-4c4c-8888-000000000001',
  meetingId: '0f4c3a2e-1111-4c4c-8888-000000000001',
  title: 'Nätverksträff i Jönköping',
  kind: 'network-meeting',
  agenda: ['Erfarenhetsutbyte', 'Öppna uppdrag'],
  place: 'Recovery College, Jönköping',
  videoUrl: null,
  region: 'jonkoping',
  audience: 'everyone',
  capacity: 2,
  rsvpDeadline: null,
  start: '2099-03-30T18:00',
  end: '2099-03-30T20:00',
  startsAt: '2099-03-30T16:00:00.000Z',
  endsAt: '2099-03-30T18:00:00.000Z',
  timeZone: 'Europe/Stockholm',
  status: 'scheduled',
  moved: false,
  recurrence: null,
  confirmedCount: 2,
  waitlistCount: 0,
  maybeCount: 0,
  open: true,
  canAnswer: true,
  attendanceRecorded: false,
  createdBy: 'user:default/mia.nordlund',
  updatedAt: '2099-03-01T10:00:00.000Z',
};

const catalogApi = {
  getEntities: async () => ({
    items: [
      {
        apiVersion: 'v1',
        kind: 'Group',
        metadata: { name: 'jonkoping', title: 'Region Jönköpings län' },
        spec: { type: 'region' },
      },
    ],
  }),
};

// usePermission caches answers across tests: every test is an organiser.
function apis(allow = true) {
  const discoveryApi = {
    getBaseUrl: async (id: string) =>
      id === 'assignments' ? ASSIGNMENTS : BASE,
  };
  const fetchApi = { fetch: (input: any, init?: any) => fetch(input, init) };
  return [
    [
      networkMeetingsApiRef,
      new NetworkMeetingsClient({ discoveryApi, fetchApi }),
    ],
    [catalogApiRef, catalogApi],
    [
      permissionApiRef,
      mockApis.permission({ authorize: allow ? 'ALLOW' : 'DENY' } as any),
    ],
  ] as const;
}

describe('CalendarPage', () => {
  it('lists the meetings of the period, and sends the filters from the URL', async () => {
    const queries: URLSearchParams[] = [];
    server.use(
      http.get(`${BASE}/meetings`, ({ request }) => {
        queries.push(new URL(request.url).searchParams);
        return HttpResponse.json({ items: [meeting] });
      }),
    );
    await renderInTestApp(<CalendarPage />, {
      apis: apis() as any,
      initialRouteEntries: [
        '/?view=list&date=2099-03-01&region=jonkoping&mine=true',
      ],
    });
    expect(
      await screen.findByRole('link', { name: 'Nätverksträff i Jönköping' }),
    ).toHaveAttribute(
      'href',
      '/network-meetings/meetings/0f4c3a2e-1111-4c4c-8888-000000000001',
    );
    expect(screen.getByText('18:00–20:00')).toBeInTheDocument();
    expect(screen.getByText(/Full/)).toBeInTheDocument();
    expect(queries[0].get('from')).toBe('2099-03-01');
    expect(queries[0].get('to')).toBe('2099-06-01');
    expect(queries[0].get('region')).toBe('jonkoping');
    expect(queries[0].get('mine')).toBe('true');
  });

  it('shows a month with week numbers, Monday first, and says when it is empty', async () => {
    server.use(
      http.get(`${BASE}/meetings`, () => HttpResponse.json({ items: [] })),
    );
    await renderInTestApp(<CalendarPage />, {
      apis: apis(true) as any,
      initialRouteEntries: ['/?view=month&date=2099-03-15'],
    });
    expect(
      await screen.findByText('No meetings in this period.'),
    ).toBeInTheDocument();
    const headers = screen.getAllByRole('columnheader');
    expect(headers[1]).toHaveTextContent('Mon');
    // 2099-03-01 is a Sunday in ISO week 9.
    expect(screen.getAllByRole('rowheader')[0]).toHaveTextContent('9');
    expect(await screen.findByText('New meeting')).toBeInTheDocument();
  });
});

describe('MeetingPage', () => {
  function renderMeeting(allow = false) {
    return renderInTestApp(
      <Routes>
        <Route path="/meetings/:id" element={<MeetingPage />} />
      </Routes>,
      {
        apis: apis(allow) as any,
        initialRouteEntries: [`/meetings/${meeting.id}`],
      },
    );
  }

  it('answers yes, and shows the place on the waitlist', async () => {
    const bodies: unknown[] = [];
    server.use(
      http.get(`${BASE}/meetings/${meeting.id}`, () =>
        HttpResponse.json(meeting),
      ),
      http.get(`${ASSIGNMENTS}/summary`, () => HttpResponse.json({ open: 4 })),
      http.get(`${BASE}/meetings/${meeting.id}/attendees`, () =>
        HttpResponse.json({ items: [] }),
      ),
      http.put(`${BASE}/meetings/${meeting.id}/rsvp`, async ({ request }) => {
        bodies.push(await request.json());
        const myRsvp = {
          answer: 'yes',
          status: 'waitlisted',
          waitlistPosition: 3,
          needs: 'Vegetariskt',
          answeredAt: '2099-03-01T10:00:00.000Z',
        };
        return HttpResponse.json({
          meeting: { ...meeting, waitlistCount: 3, myRsvp },
          rsvp: myRsvp,
        });
      }),
    );
    await renderMeeting();
    expect(
      await screen.findByText('You have not answered yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Monday 30 March 2099 at 18:00–20:00'),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: '4 open assignments' }),
    ).toHaveAttribute('href', '/assignments');
    fireEvent.change(screen.getByLabelText('Needs (diet, accessibility)'), {
      target: { value: 'Vegetariskt' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Yes, I am coming' }));
    expect(
      await screen.findByText('You are number 3 on the waitlist'),
    ).toBeInTheDocument();
    expect(bodies).toEqual([{ answer: 'yes', needs: 'Vegetariskt' }]);
    expect(
      screen.getByRole('button', { name: 'Yes, I am coming' }),
    ).toHaveAttribute('aria-pressed', 'true');
  });

  it('shows nothing about assignments when the board does not answer', async () => {
    server.use(
      http.get(`${BASE}/meetings/${meeting.id}`, () =>
        HttpResponse.json({ ...meeting, capacity: null }),
      ),
      http.get(`${ASSIGNMENTS}/summary`, () =>
        HttpResponse.json({ error: 'nope' }, { status: 404 }),
      ),
      http.get(`${BASE}/meetings/${meeting.id}/attendees`, () =>
        HttpResponse.json({
          items: [
            {
              userRef: 'user:default/asa.lindqvist',
              displayName: 'Åsa Lindqvist',
              answer: 'yes',
              status: 'confirmed',
              needs: 'Rullstolsplats',
              attended: null,
              answeredAt: '2099-03-01T10:00:00.000Z',
            },
          ],
        }),
      ),
    );
    await renderMeeting(true);
    expect(await screen.findByText('Who answered')).toBeInTheDocument();
    expect(await screen.findByText('Rullstolsplats')).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.queryByText(/open assignment/)).not.toBeInTheDocument(),
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('NewMeetingPage', () => {
  it('names what is wrong and sends nothing until it is right', async () => {
    const posted: unknown[] = [];
    server.use(
      http.post(`${BASE}/meetings`, async ({ request }) => {
        posted.push(await request.json());
        return HttpResponse.json(meeting, { status: 201 });
      }),
    );
    await renderInTestApp(<NewMeetingPage />, { apis: apis(true) as any });
    fireEvent.change(
      screen.getByLabelText(/Ends/, { selector: 'input[type="time"]' }),
      {
        target: { value: '17:00' },
      },
    );
    fireEvent.change(screen.getByLabelText('Video link (https://…)'), {
      target: { value: 'http://example.com' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Create meeting' }));
    expect(await screen.findAllByText('Fill this in')).toHaveLength(2);
    expect(
      screen.getByText('The end must be after the start'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('The link must start with https://'),
    ).toBeInTheDocument();
    expect(posted).toEqual([]);
  });

  it('checks recurrence, deadline and places', () => {
    const base = {
      title: 'Handledning',
      kind: 'supervision-group',
      agenda: '',
      place: 'Lund',
      videoUrl: '',
      region: 'skane',
      audience: 'peer-supporters',
      capacity: '0',
      rsvpDeadline: '2099-04-02',
      date: '2099-04-01',
      startTime: '13:00',
      endTime: '15:00',
      recurrence: 'monthly',
      interval: '1',
      endsBy: 'count',
      until: '',
      count: '60',
    } as const;
    expect(validate(base, false)).toEqual({
      capacity: 'capacity',
      rsvpDeadline: 'deadline',
      count: 'count',
    });
    const ok = { ...base, capacity: '8', rsvpDeadline: '', count: '6' };
    expect(validate(ok, false)).toEqual({});
    expect(toCreateRequest(ok)).toMatchObject({
      start: '2099-04-01T13:00',
      end: '2099-04-01T15:00',
      capacity: 8,
      recurrence: { frequency: 'monthly', interval: 1, count: 6 },
    });
  });
});

describe('Swedish times', () => {
  it('formats the day after the change to summer time at 18:00, and the viewer zone when it differs', () => {
    const m = {
      ...meeting,
      kind: 'nordic-cooperation' as const,
      startsAt: '2027-03-29T16:00:00.000Z',
      endsAt: '2027-03-29T18:00:00.000Z',
    };
    expect(formatStart(m, 'sv')).toBe('måndag 29 mars 2027 kl. 18:00');
    expect(viewerTime(m, 'sv', 'Europe/Helsinki')).toBe('29 mars kl. 19:00');
    expect(viewerTime(m, 'sv', 'Europe/Oslo')).toBeUndefined();
  });
});
