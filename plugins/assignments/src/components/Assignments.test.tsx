import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { registerMswTestHooks } from '@backstage/test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  Assignment,
  AssignmentDetails,
  assignmentInterestPermission,
} from '@internal/plugin-assignments-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { Route, Routes } from 'react-router-dom';
import { assignmentsApiRef } from '../api/AssignmentsApi';
import { AssignmentsClient } from '../api/AssignmentsClient';
import { AssignmentsPage } from './AssignmentsPage';
import { OpenAssignmentsWidget } from './OpenAssignmentsWidget';

jest.setTimeout(30_000);

const server = setupServer();

/** An error as the backend's error middleware sends it. */
function problem(status: number, name: string, message: string) {
  return HttpResponse.json(
    { error: { name, message }, response: { statusCode: status } },
    { status },
  );
}
registerMswTestHooks(server);

const BASE = 'http://localhost:7007/api/assignments';
const ID = '6b1f3c2a-1111-4c4c-8888-000000000001';

const assignment: Assignment = {
  id: ID,
  title: 'Berätta om återhämtning för personalen',
  type: 'share-story',
  description: 'Vi vill höra om vägen tillbaka, på vår arbetsplatsträff.',
  unit: 'vgr-sahlgrenska-avd-367',
  region: 'vastra-gotaland',
  contactName: 'Anders Holm',
  contactEmail: 'anders.holm@example.se',
  place: 'Blå stråket 15, Göteborg',
  slots: [
    { start: '2027-03-30T16:00:00.000Z', end: '2027-03-30T18:00:00.000Z' },
  ],
  estimatedHours: 2,
  peersWanted: 2,
  experienceWanted: 'own',
  language: 'sv',
  interestDeadline: '2027-03-20',
  costCentre: 'KS-367',
  state: 'open',
  createdBy: 'user:default/anders.holm',
  createdAt: '2027-03-01T10:00:00.000Z',
  updatedAt: '2027-03-01T10:00:00.000Z',
  interestCount: 1,
  selectedCount: 0,
  allowedActions: [],
};

const details: AssignmentDetails = {
  ...assignment,
  history: [
    {
      at: '2027-03-01T10:00:00.000Z',
      actor: 'user:default/anders.holm',
      action: 'created',
      toState: 'requested',
    },
  ],
  interests: [],
  feedback: [],
  honoraria: [],
};

const catalogApi = {
  getEntities: async () => ({
    items: [
      {
        apiVersion: 'v1',
        kind: 'Group',
        metadata: {
          name: 'vastra-gotaland',
          title: 'Västra Götalandsregionen',
        },
        spec: { type: 'region' },
      },
      {
        apiVersion: 'v1',
        kind: 'Group',
        metadata: {
          name: 'vgr-sahlgrenska-avd-367',
          title: 'Avdelning 367, Sahlgrenska',
        },
        spec: { type: 'unit', parent: 'vastra-gotaland' },
      },
    ],
  }),
};

function apis(options: { peer?: boolean } = {}) {
  const discoveryApi = { getBaseUrl: async () => BASE };
  const fetchApi = { fetch: (input: any, init?: any) => fetch(input, init) };
  return [
    [assignmentsApiRef, new AssignmentsClient({ discoveryApi, fetchApi })],
    [catalogApiRef, catalogApi],
    mockApis.permission({
      authorize: request =>
        options.peer === false &&
        request.permission.name === assignmentInterestPermission.name
          ? ('DENY' as any)
          : ('ALLOW' as any),
    }),
    mockApis.identity({
      userEntityRef: 'user:default/anders.holm',
      displayName: 'Anders Holm',
      email: 'anders.holm@example.se',
    }),
  ] as any;
}

function renderPage(path: string, options: { peer?: boolean } = {}) {
  return renderInTestApp(
    <Routes>
      <Route path="/assignments/*" element={<AssignmentsPage />} />
    </Routes>,
    { apis: apis(options), initialRouteEntries: [path] },
  );
}

/** Picks an option of an MUI select by its label. */
async function choose(label: RegExp | string, option: string) {
  fireEvent.mouseDown(screen.getByRole('button', { name: label }));
  fireEvent.click(await screen.findByRole('option', { name: option }));
}

describe('the board', () => {
  it('shows the assignments with catalog titles and Stockholm times, and appends the next page', async () => {
    const queries: URLSearchParams[] = [];
    server.use(
      http.get(`${BASE}/assignments`, ({ request }) => {
        const params = new URL(request.url).searchParams;
        queries.push(params);
        return params.get('cursor')
          ? HttpResponse.json({
              items: [
                {
                  ...assignment,
                  id: `${ID.slice(0, -1)}2`,
                  title: 'Workshop om delaktighet',
                },
              ],
            })
          : HttpResponse.json({
              items: [assignment],
              totalCount: 2,
              nextCursor: 'c1',
            });
      }),
    );
    await renderPage('/assignments');

    expect(
      await screen.findByRole('link', { name: assignment.title }),
    ).toBeInTheDocument();
    expect(screen.getByText('Showing 1 of 2')).toBeInTheDocument();
    expect(
      await screen.findByText('Avdelning 367, Sahlgrenska'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/30 March 2027 at 18:00–20:00/),
    ).toBeInTheDocument();
    expect(screen.getByText(/2 places left/)).toBeInTheDocument();
    expect(screen.getByText('On site')).toBeInTheDocument();
    expect(queries[0].get('view')).toBe('board');
    expect(queries[0].get('limit')).toBe('20');

    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    expect(
      await screen.findByRole('link', { name: 'Workshop om delaktighet' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Showing 2 of 2')).toBeInTheDocument();
    expect(queries[1].get('cursor')).toBe('c1');
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
  });

  it('sends the filters from the URL and from the controls', async () => {
    const queries: URLSearchParams[] = [];
    server.use(
      http.get(`${BASE}/assignments`, ({ request }) => {
        queries.push(new URL(request.url).searchParams);
        return HttpResponse.json({ items: [], totalCount: 0 });
      }),
    );
    await renderPage('/assignments?region=vastra-gotaland&format=digital');
    expect(await screen.findByText(/No assignments match/)).toBeInTheDocument();
    expect(queries[0].get('region')).toBe('vastra-gotaland');
    expect(queries[0].get('format')).toBe('digital');

    await choose(/^Type/, 'User audit');
    await waitFor(() =>
      expect(queries[queries.length - 1].get('type')).toBe('user-audit'),
    );
    fireEvent.change(screen.getByLabelText('From date'), {
      target: { value: '2027-04-01' },
    });
    await waitFor(() =>
      expect(queries[queries.length - 1].get('from')).toBe('2027-04-01'),
    );
    await choose(/^Sort by/, 'Suits me');
    await waitFor(() =>
      expect(queries[queries.length - 1].get('sort')).toBe('suits-me'),
    );
    expect(queries[queries.length - 1].get('region')).toBe('vastra-gotaland');
  });

  it('offers "Suits me" only to those who can show interest, and shows a failure', async () => {
    server.use(
      http.get(`${BASE}/assignments`, () =>
        problem(500, 'Error', 'database down'),
      ),
    );
    await renderPage('/assignments', { peer: false });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not load the assignments: database down',
    );
    fireEvent.mouseDown(screen.getByRole('button', { name: /^Sort by/ }));
    expect(await screen.findByRole('option', { name: 'Date' })).toBeVisible();
    expect(screen.queryByRole('option', { name: 'Suits me' })).toBeNull();
    expect(screen.queryByRole('tab', { name: 'My assignments' })).toBeNull();
  });
});

describe('the booking form', () => {
  beforeEach(() => window.localStorage.clear());

  async function fillValidForm() {
    fireEvent.change(await screen.findByLabelText(/^Title/), {
      target: { value: 'Berätta om återhämtning' },
    });
    await choose(/^Type of assignment/, 'Share one’s story with staff');
    fireEvent.change(screen.getByLabelText(/^Description/), {
      target: { value: 'Vi vill höra om vägen tillbaka till arbetet.' },
    });
    await choose(/^Unit/, 'Avdelning 367, Sahlgrenska');
    fireEvent.change(screen.getByLabelText(/^Place/), {
      target: { value: 'Blå stråket 15' },
    });
    fireEvent.change(screen.getByLabelText(/^Date/), {
      target: { value: '2027-03-30' },
    });
    fireEvent.change(screen.getByLabelText(/^Start/), {
      target: { value: '18:00' },
    });
    fireEvent.change(screen.getByLabelText(/^End/), {
      target: { value: '20:00' },
    });
    fireEvent.change(screen.getByLabelText(/^Estimated hours/), {
      target: { value: '2' },
    });
    fireEvent.change(screen.getByLabelText(/^Last day to show interest/), {
      target: { value: '2027-03-20' },
    });
    fireEvent.change(screen.getByLabelText(/^Cost centre/), {
      target: { value: 'KS-367' },
    });
  }

  it('says what is wrong next to each field before sending anything', async () => {
    let posted = 0;
    server.use(
      http.post(`${BASE}/assignments`, () => {
        posted++;
        return HttpResponse.json(assignment, { status: 201 });
      }),
    );
    await renderPage('/assignments/new');
    expect(
      await screen.findByText('What you send can become a public document.'),
    ).toBeInTheDocument();
    // The contact person comes from the signed-in person.
    await waitFor(() =>
      expect(screen.getByLabelText(/^Contact person/)).toHaveValue(
        'Anders Holm',
      ),
    );
    fireEvent.change(screen.getByLabelText(/^Title/), {
      target: { value: 'Hi' },
    });
    fireEvent.change(screen.getByLabelText(/^Date/), {
      target: { value: '2027-03-30' },
    });
    fireEvent.change(screen.getByLabelText(/^Start/), {
      target: { value: '18:00' },
    });
    fireEvent.change(screen.getByLabelText(/^End/), {
      target: { value: '17:00' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send the booking' }));

    expect(
      await screen.findByText('Please correct the fields marked in red.'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText(/^Title/)).toHaveAccessibleDescription(
      'Must be at least 3 characters',
    );
    expect(
      screen.getByText('Give a place or a digital link'),
    ).toBeInTheDocument();
    expect(screen.getByText('Must be after the start')).toBeInTheDocument();
    expect(screen.getAllByText('Required').length).toBeGreaterThan(0);
    expect(posted).toBe(0);
  });

  it('shows the server’s 400 next to the field it names, and goes to the new assignment on success', async () => {
    let fail = true;
    const bodies: any[] = [];
    server.use(
      http.post(`${BASE}/assignments`, async ({ request }) => {
        bodies.push(await request.json());
        return fail
          ? problem(
              400,
              'InputError',
              'Invalid body: costCentre: unknown cost centre',
            )
          : HttpResponse.json(
              { ...assignment, state: 'requested' },
              { status: 201 },
            );
      }),
      http.get(`${BASE}/assignments/${ID}`, () =>
        HttpResponse.json({ ...details, state: 'requested' }),
      ),
    );
    await renderPage('/assignments/new');
    await fillValidForm();
    fireEvent.click(screen.getByRole('button', { name: 'Send the booking' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Invalid body: costCentre: unknown cost centre',
    );
    expect(screen.getByLabelText(/^Cost centre/)).toHaveAccessibleDescription(
      'unknown cost centre',
    );
    expect(bodies[0]).toMatchObject({
      title: 'Berätta om återhämtning',
      type: 'share-story',
      unit: 'vgr-sahlgrenska-avd-367',
      contactName: 'Anders Holm',
      slots: [{ start: '2027-03-30T18:00', end: '2027-03-30T20:00' }],
      estimatedHours: 2,
      peersWanted: 1,
      interestDeadline: '2027-03-20',
    });

    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Send the booking' }));
    expect(await screen.findByText(/The booking is sent/)).toBeInTheDocument();
    expect(
      await screen.findByRole('heading', { level: 1, name: assignment.title }),
    ).toBeInTheDocument();
  });

  it('saves a draft while typing and offers to restore it on return', async () => {
    const { unmount } = await renderPage('/assignments/new');
    fireEvent.change(await screen.findByLabelText(/^Title/), {
      target: { value: 'Utkast till workshop' },
    });
    expect(
      await screen.findByText('Draft saved in this browser.'),
    ).toBeInTheDocument();
    expect(
      window.localStorage.getItem(
        'assignments:booking-draft:user:default/anders.holm',
      ),
    ).toContain('Utkast till workshop');
    unmount();

    await renderPage('/assignments/new');
    expect(
      await screen.findByText(/You have an unsent draft from/),
    ).toBeInTheDocument();
    expect(screen.getByLabelText(/^Title/)).toHaveValue('');
    fireEvent.click(screen.getByRole('button', { name: 'Restore the draft' }));
    expect(screen.getByLabelText(/^Title/)).toHaveValue('Utkast till workshop');
    expect(screen.queryByText(/You have an unsent draft/)).toBeNull();
  });
});

describe('the assignment page', () => {
  it('shows the 409 of a selection clearly, and the selection when it succeeds', async () => {
    const withInterest: AssignmentDetails = {
      ...details,
      allowedActions: ['select', 'cancel'],
      interests: [
        {
          userRef: 'user:default/asa.lindqvist',
          displayName: 'Åsa Lindqvist',
          status: 'interested',
          message: 'Jag vill gärna!',
          createdAt: '2027-03-02T10:00:00.000Z',
          profile: {
            id: 'p1',
            region: 'jonkoping',
            languages: ['sv', 'ar'],
            assignmentTypes: ['share-story'],
            availability: 'available',
          },
        },
        {
          userRef: 'user:default/omar.haddad',
          displayName: 'Omar Haddad',
          status: 'interested',
          createdAt: '2027-03-02T11:00:00.000Z',
        },
      ],
    };
    server.use(
      http.get(`${BASE}/assignments/${ID}`, () =>
        HttpResponse.json(withInterest),
      ),
      http.post(`${BASE}/assignments/${ID}/selection`, async ({ request }) => {
        const { userRef } = (await request.json()) as { userRef: string };
        if (userRef === 'user:default/omar.haddad') {
          return problem(
            409,
            'ConflictError',
            'Omar Haddad is already booked at that time (Workshop om delaktighet)',
          );
        }
        return HttpResponse.json({
          ...withInterest,
          selectedCount: 1,
          interests: [
            { ...withInterest.interests[0], status: 'selected' },
            withInterest.interests[1],
          ],
        });
      }),
    );
    await renderPage(`/assignments/${ID}`);
    expect(
      await screen.findByRole('heading', { name: 'Interested peers' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Languages: Swedish, Arabic')).toBeInTheDocument();
    expect(screen.getByText('2 places left')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Select Omar Haddad' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Omar Haddad is already booked at that time (Workshop om delaktighet)',
    );

    fireEvent.click(
      screen.getByRole('button', { name: 'Select Åsa Lindqvist' }),
    );
    expect(await screen.findByText('Åsa Lindqvist is selected.')).toBeVisible();
    expect(screen.getByText('1 place left')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Select Åsa Lindqvist' }),
    ).toBeNull();
  });

  it('shows only the allowed actions, and asks for a reason before declining', async () => {
    const sent: unknown[] = [];
    server.use(
      http.get(`${BASE}/assignments/${ID}`, () =>
        HttpResponse.json({
          ...details,
          state: 'requested',
          allowedActions: ['publish', 'request-changes', 'decline'],
        }),
      ),
      http.post(
        `${BASE}/assignments/${ID}/transitions`,
        async ({ request }) => {
          sent.push(await request.json());
          return HttpResponse.json({
            ...details,
            state: 'declined',
            reviewNote: 'Inte ett peer-uppdrag',
            allowedActions: [],
          });
        },
      ),
    );
    await renderPage(`/assignments/${ID}`);
    expect(
      await screen.findByRole('button', { name: 'Publish' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Waiting for review')).toBeInTheDocument();
    expect(screen.getByText(/Booking sent/)).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Cancel the assignment' }),
    ).toBeNull();
    expect(screen.queryByRole('button', { name: 'Show interest' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Decline' }));
    const dialog = await screen.findByRole('dialog');
    const send = within(dialog).getByRole('button', { name: 'Decline' });
    expect(send).toBeDisabled();
    fireEvent.change(within(dialog).getByLabelText(/^Reason/), {
      target: { value: 'Inte ett peer-uppdrag' },
    });
    fireEvent.click(send);
    expect(await screen.findByText('Declined')).toBeInTheDocument();
    expect(sent).toEqual([
      { action: 'decline', reason: 'Inte ett peer-uppdrag' },
    ]);
    expect(screen.queryByRole('button', { name: 'Publish' })).toBeNull();
  });

  it('lets a peer show interest with a message, and the unit confirm the hours worked', async () => {
    const interests: unknown[] = [];
    const transitions: unknown[] = [];
    let stage: 'open' | 'staffed' = 'open';
    server.use(
      http.get(`${BASE}/assignments/${ID}`, () =>
        HttpResponse.json(
          stage === 'open'
            ? { ...details, allowedActions: ['interest'] }
            : {
                ...details,
                state: 'staffed',
                allowedActions: ['complete'],
                selectedCount: 1,
                interests: [
                  {
                    userRef: 'user:default/asa.lindqvist',
                    displayName: 'Åsa Lindqvist',
                    status: 'selected',
                    createdAt: '2027-03-02T10:00:00.000Z',
                  },
                ],
              },
        ),
      ),
      http.post(`${BASE}/assignments/${ID}/interest`, async ({ request }) => {
        interests.push(await request.json());
        return HttpResponse.json(assignment, { status: 201 });
      }),
      http.post(
        `${BASE}/assignments/${ID}/transitions`,
        async ({ request }) => {
          transitions.push(await request.json());
          return HttpResponse.json({
            ...details,
            state: 'completed',
            allowedActions: [],
          });
        },
      ),
    );
    const { unmount } = await renderPage(`/assignments/${ID}`);
    fireEvent.change(
      await screen.findByLabelText('Message to the coordinator (optional)'),
      { target: { value: 'Jag har gjort detta förut.' } },
    );
    fireEvent.click(screen.getByRole('button', { name: 'Show interest' }));
    expect(
      await screen.findByText('Your interest is registered.'),
    ).toBeInTheDocument();
    expect(interests).toEqual([{ message: 'Jag har gjort detta förut.' }]);
    unmount();

    stage = 'staffed';
    await renderPage(`/assignments/${ID}`);
    const hours = await screen.findByLabelText(
      'Actual hours for Åsa Lindqvist',
    );
    fireEvent.change(hours, { target: { value: '2.5' } });
    fireEvent.click(
      screen.getByRole('checkbox', {
        name: 'Åsa Lindqvist travelled to the place',
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Confirm the work' }));
    expect(await screen.findByText('The work is confirmed.')).toBeVisible();
    expect(transitions).toEqual([
      {
        action: 'complete',
        peers: [
          {
            userRef: 'user:default/asa.lindqvist',
            actualHours: 2.5,
            travel: true,
          },
        ],
      },
    ]);
  });
});

describe('honoraria and the payroll export', () => {
  const honorarium = {
    id: 'h1',
    assignmentId: ID,
    assignmentTitle: assignment.title,
    peerRef: 'user:default/asa.lindqvist',
    peerName: 'Åsa Lindqvist',
    costCentre: 'KS-367',
    workDate: '2027-03-30',
    actualMinutes: 150,
    band: 'halfDay',
    feeOre: 100000,
    travelOre: 20000,
    totalOre: 120000,
    state: 'approved',
  };

  it('asks for confirmation before exporting, then downloads the file', async () => {
    const exportCalls: URLSearchParams[] = [];
    server.use(
      http.get(`${BASE}/honoraria`, ({ request }) => {
        const state = new URL(request.url).searchParams.get('state');
        return HttpResponse.json(
          state === 'approved'
            ? { items: [honorarium], totalOre: 120000 }
            : { items: [], totalOre: 0 },
        );
      }),
      http.get(`${BASE}/honoraria/exports`, () => HttpResponse.json([])),
      http.get(`${BASE}/honoraria/export.csv`, ({ request }) => {
        exportCalls.push(new URL(request.url).searchParams);
        return new HttpResponse('\uFEFFNamn;Belopp\nÅsa Lindqvist;1200,00\n', {
          headers: { 'Content-Type': 'text/csv; charset=utf-8' },
        });
      }),
    );
    const createObjectURL = jest.fn(() => 'blob:export');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const clicks: string[] = [];
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function recordClick(this: HTMLAnchorElement) {
        clicks.push(this.download);
      });

    await renderPage('/assignments/honoraria');
    expect(
      await screen.findByText(/To be exported: 1 honorarium, SEK\s?1,200.00/),
    ).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent(
      'Export 1 honorarium and mark it as exported?',
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(exportCalls).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    fireEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', {
        name: 'Export',
      }),
    );
    expect(await screen.findByText('The file is downloaded.')).toBeVisible();
    expect(exportCalls).toHaveLength(1);
    const from = exportCalls[0].get('from')!;
    const to = exportCalls[0].get('to')!;
    expect(from).toMatch(/^\d{4}-\d{2}-01$/);
    expect(clicks).toEqual([`arvoden-${from}-${to}.csv`]);
    expect(createObjectURL).toHaveBeenCalled();
    click.mockRestore();
  });
});

describe('the home page widget', () => {
  it('lists the next open assignments and links to the board', async () => {
    server.use(
      http.get(`${BASE}/assignments`, () =>
        HttpResponse.json({ items: [assignment], totalCount: 7 }),
      ),
    );
    await renderInTestApp(<OpenAssignmentsWidget />, { apis: apis() });
    expect(
      await screen.findByRole('link', { name: assignment.title }),
    ).toHaveAttribute('href', `/assignments/${ID}`);
    expect(screen.getByText('7 open assignments')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Go to the board' }),
    ).toHaveAttribute('href', '/assignments');
  });
});
