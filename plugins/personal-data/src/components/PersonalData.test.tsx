import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { registerMswTestHooks } from '@backstage/test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  ErasureRequest,
  MyPersonalData,
  PersonalDataExport,
} from '@internal/plugin-personal-data-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { personalDataApiRef } from '../api/PersonalDataApi';
import { PersonalDataClient } from '../api/PersonalDataClient';
import { CoordinatorPage } from './CoordinatorPage';
import { MyDataPage } from './MyDataPage';

jest.setTimeout(30_000);

const server = setupServer();
registerMswTestHooks(server);

const BASE = 'http://localhost:7007/api/personal-data';

const POLICY = {
  interestNotFollowedUpMonths: 12,
  rsvpNeedsAfterMeetingDays: 30,
  leftNetworkMonths: 24,
  erasureRecordsMonths: 36,
};

const me = (requests: ErasureRequest[] = []): MyPersonalData => ({
  userRef: 'user:default/omar.haddad',
  displayName: 'Omar Haddad',
  erasureRequests: requests,
  policy: POLICY,
  plugins: ['peer-directory', 'assignments', 'network-meetings', 'evaluation'],
});

const exported: PersonalDataExport = {
  format: 'peer-portal-personal-data/1',
  generatedAt: '2026-11-23T09:00:00.000Z',
  person: { userRef: 'user:default/omar.haddad', displayName: 'Omar Haddad' },
  consents: [
    {
      pluginId: 'peer-directory',
      field: 'story',
      granted: false,
      givenAt: '2026-01-01T10:00:00.000Z',
      withdrawnAt: '2026-02-01T10:00:00.000Z',
      history: [],
    },
  ],
  plugins: [
    {
      pluginId: 'peer-directory',
      status: 'ok',
      data: {
        profile: { displayName: 'Omar Haddad', region: 'skane', units: [] },
        consents: [],
      },
    },
    {
      pluginId: 'assignments',
      status: 'ok',
      data: {
        interests: [
          {
            assignmentId: 'a1',
            title: 'Berätta på APT',
            status: 'interested',
            message: 'Gärna!',
            createdAt: '2026-11-01T08:00:00.000Z',
          },
        ],
      },
    },
    { pluginId: 'network-meetings', status: 'none' },
    { pluginId: 'evaluation', status: 'unavailable', error: 'timeout' },
    { pluginId: 'personal-data', status: 'none' },
  ],
};

const request = (overrides: Partial<ErasureRequest> = {}): ErasureRequest => ({
  id: '0b6c3c1e-5a7f-4c9e-9a55-3b1d2c4e5f60',
  userRef: 'user:default/omar.haddad',
  displayName: 'Omar Haddad',
  origin: 'person',
  status: 'pending',
  requestedAt: '2026-11-23T09:00:00.000Z',
  attempts: 0,
  steps: [],
  ...overrides,
});

const catalogApi = {
  getEntities: async () => ({
    items: [
      {
        apiVersion: 'v1',
        kind: 'Group',
        metadata: { name: 'skane', title: 'Region Skåne' },
        spec: { type: 'region' },
      },
    ],
  }),
};

// usePermission caches answers across tests: in this file everyone is a
// coordinator (CoordinatorAccess.test.tsx has the others).
function apis(allow = true) {
  const discoveryApi = { getBaseUrl: async () => BASE };
  const fetchApi = { fetch: (input: any, init?: any) => fetch(input, init) };
  return [
    [personalDataApiRef, new PersonalDataClient({ discoveryApi, fetchApi })],
    [catalogApiRef, catalogApi],
    [
      permissionApiRef,
      mockApis.permission({ authorize: allow ? 'ALLOW' : 'DENY' } as any),
    ],
  ] as const;
}

describe('MyDataPage', () => {
  it('shows every part of the export readably, the consents with their dates, and what is kept how long', async () => {
    server.use(
      http.get(`${BASE}/me`, () => HttpResponse.json(me())),
      http.get(`${BASE}/me/export`, () => HttpResponse.json(exported)),
    );
    await renderInTestApp(<MyDataPage />, { apis: apis() as any });
    expect(
      await screen.findByRole('heading', { level: 3, name: 'Peer directory' }),
    ).toBeInTheDocument();
    // Fields as names and values; lists of records as tables.
    expect(screen.getByText('Omar Haddad')).toBeInTheDocument();
    // Catalog names read as their titles, codes as words.
    expect(await screen.findByText('Region Skåne')).toBeInTheDocument();
    expect(screen.getByText('Interested')).toBeInTheDocument();
    const interests = screen.getByRole('table', {
      name: 'Interest in assignments',
    });
    expect(
      within(interests).getByRole('columnheader', { name: 'Message' }),
    ).toBeInTheDocument();
    expect(within(interests).getByText('Gärna!')).toBeInTheDocument();
    // A part with nothing, and one that could not answer.
    expect(screen.getAllByText('Nothing about you.').length).toBe(2);
    expect(
      screen.getByText(/could not answer just now \(timeout\)/),
    ).toBeInTheDocument();
    // Consents, with when they were given and withdrawn.
    const consents = screen.getByRole('table', { name: 'Your consents' });
    expect(within(consents).getByText('Show my story')).toBeInTheDocument();
    expect(within(consents).getByText('Not given')).toBeInTheDocument();
    // The retention periods.
    expect(
      await screen.findByText(
        'Needs you give when you answer a meeting (diet, accessibility): 30 days after the meeting.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/public document/)).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Download my data (JSON)' }),
    ).toBeInTheDocument();
  });

  it('names an assignment by its title where a part holds only its id', async () => {
    const withEvaluation: PersonalDataExport = {
      ...exported,
      plugins: exported.plugins.map(p =>
        p.pluginId === 'evaluation'
          ? {
              pluginId: 'evaluation',
              status: 'ok',
              data: {
                facts: [
                  {
                    kind: 'assignment-completed',
                    assignmentId: 'a1',
                    workDate: '2026-11-10',
                    minutes: 90,
                  },
                  {
                    kind: 'assignment-completed',
                    assignmentId: 'a2',
                    workDate: '2026-11-11',
                    minutes: 60,
                  },
                ],
              },
            }
          : p,
      ),
    };
    server.use(
      http.get(`${BASE}/me`, () => HttpResponse.json(me())),
      http.get(`${BASE}/me/export`, () => HttpResponse.json(withEvaluation)),
    );
    await renderInTestApp(<MyDataPage />, { apis: apis() as any });
    const evaluation = await screen.findByRole('region', {
      name: 'Evaluation',
    });
    // a1 is named in the board's part (Omar's interest); a2 is not.
    expect(within(evaluation).getByText('Berätta på APT')).toBeInTheDocument();
    expect(within(evaluation).getByText('a2')).toBeInTheDocument();
  });

  it('asks for erasure only after the confirmation, and shows the request', async () => {
    let requests: ErasureRequest[] = [];
    let posted = 0;
    server.use(
      http.get(`${BASE}/me`, () => HttpResponse.json(me(requests))),
      http.get(`${BASE}/me/export`, () => HttpResponse.json(exported)),
      http.post(`${BASE}/me/erasure-requests`, () => {
        posted++;
        requests = [request()];
        return HttpResponse.json(requests[0], { status: 201 });
      }),
    );
    await renderInTestApp(<MyDataPage />, { apis: apis() as any });
    fireEvent.click(
      await screen.findByRole('button', { name: 'Ask for erasure' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Ask to erase your data?',
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(posted).toBe(0);

    fireEvent.click(screen.getByRole('button', { name: 'Ask for erasure' }));
    fireEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', {
        name: 'Yes, ask for erasure',
      }),
    );
    expect(
      await screen.findByText(
        'Your request has been sent. A coordinator will handle it.',
      ),
    ).toBeInTheDocument();
    expect(posted).toBe(1);
    expect(await screen.findByTestId('erasure-status')).toHaveTextContent(
      /Waiting for a coordinator/,
    );
    expect(
      screen.queryByRole('button', { name: 'Ask for erasure' }),
    ).toBeNull();
  });

  it('withdraws a pending request only after the confirmation, and offers to ask again', async () => {
    let requests: ErasureRequest[] = [request()];
    let withdrawn: string[] = [];
    server.use(
      http.get(`${BASE}/me`, () => HttpResponse.json(me(requests))),
      http.get(`${BASE}/me/export`, () => HttpResponse.json(exported)),
      http.post(`${BASE}/me/erasure-requests/:id/withdraw`, ({ params }) => {
        withdrawn = [...withdrawn, String(params.id)];
        requests = [
          request({
            status: 'withdrawn',
            decidedBy: 'user:default/omar.haddad',
            decidedAt: '2026-11-23T10:00:00.000Z',
          }),
        ];
        return HttpResponse.json(requests[0]);
      }),
    );
    await renderInTestApp(<MyDataPage />, { apis: apis() as any });
    fireEvent.click(
      await screen.findByRole('button', { name: 'Withdraw my request' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Withdraw your request for erasure?',
    });
    fireEvent.click(
      within(dialog).getByRole('button', { name: 'Keep the request' }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(withdrawn).toEqual([]);

    fireEvent.click(
      screen.getByRole('button', { name: 'Withdraw my request' }),
    );
    fireEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', {
        name: 'Yes, withdraw it',
      }),
    );
    expect(
      await screen.findByText(
        'Your request is withdrawn: nothing will be erased.',
      ),
    ).toBeInTheDocument();
    expect(withdrawn).toEqual([request().id]);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByTestId('erasure-status')).toHaveTextContent(
      /You withdrew it/,
    );
    expect(
      screen.getByRole('button', { name: 'Ask for erasure' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Withdraw my request' }),
    ).toBeNull();
  });

  it('shows a completed erasure with what each part did and kept, and a rejection with its reason', async () => {
    const completed = request({
      status: 'completed',
      completedAt: '2026-11-24T10:00:00.000Z',
      steps: [
        {
          pluginId: 'assignments',
          status: 'done',
          attempts: 1,
          report: {
            erased: 3,
            anonymised: 1,
            kept: [
              {
                what: '1 honoraria',
                reason: 'Bookkeeping: paid honoraria are kept for seven years',
                code: 'honoraria-bookkeeping',
                count: 1,
              },
              { what: 'something new', reason: 'a reason' },
            ],
          },
        },
      ],
    });
    server.use(
      http.get(`${BASE}/me`, () => HttpResponse.json(me([completed]))),
      http.get(`${BASE}/me/export`, () => HttpResponse.json(exported)),
    );
    const { unmount } = await renderInTestApp(<MyDataPage />, {
      apis: apis() as any,
    });
    expect(await screen.findByTestId('erasure-status')).toHaveTextContent(
      /^Erased/,
    );
    const report = screen.getByRole('table', {
      name: 'What each part of the portal did',
    });
    // Known kinds of records in the reader's language, others as sent.
    expect(
      within(report).getByText(
        '1 honoraria: the bookkeeping law requires them to be kept for seven years',
      ),
    ).toBeInTheDocument();
    expect(
      within(report).getByText('something new: a reason'),
    ).toBeInTheDocument();
    unmount();

    server.use(
      http.get(`${BASE}/me`, () =>
        HttpResponse.json(
          me([
            request({
              status: 'rejected',
              decidedAt: '2026-11-24T10:00:00.000Z',
              rejectReason: 'Utbetalning pågår',
            }),
          ]),
        ),
      ),
    );
    await renderInTestApp(<MyDataPage />, { apis: apis() as any });
    expect(await screen.findByTestId('erasure-status')).toHaveTextContent(
      /Rejected .*: Utbetalning pågår/,
    );
    expect(
      screen.getByRole('button', { name: 'Ask for erasure' }),
    ).toBeInTheDocument();
  });

  it('says so when the data cannot be collected', async () => {
    server.use(
      http.get(`${BASE}/me`, () => HttpResponse.json(me())),
      http.get(`${BASE}/me/export`, () =>
        HttpResponse.json(
          {
            error: { name: 'Error', message: 'The database is down' },
            request: { method: 'GET', url: '/me/export' },
            response: { statusCode: 503 },
          },
          { status: 503 },
        ),
      ),
    );
    await renderInTestApp(<MyDataPage />, { apis: apis() as any });
    expect(
      await screen.findByText(
        'Your data could not be collected: The database is down',
      ),
    ).toBeInTheDocument();
  });
});

describe('CoordinatorPage', () => {
  const coordinatorMe = {
    ...me(),
    userRef: 'user:default/mia.nordlund',
    displayName: 'Mia Nordlund',
  };

  it('confirms a pending request after the dialog and shows the report', async () => {
    const confirmed: string[] = [];
    const queries: URLSearchParams[] = [];
    server.use(
      http.get(`${BASE}/me`, () => HttpResponse.json(coordinatorMe)),
      http.get(`${BASE}/erasure-requests`, ({ request: r }) => {
        queries.push(new URL(r.url).searchParams);
        return HttpResponse.json({ items: [request()] });
      }),
      http.post(`${BASE}/erasure-requests/:id/confirm`, ({ params }) => {
        confirmed.push(String(params.id));
        return HttpResponse.json(
          request({
            status: 'completed',
            completedAt: '2026-11-24T10:00:00.000Z',
            steps: [
              {
                pluginId: 'peer-directory',
                status: 'done',
                attempts: 1,
                report: { erased: 7, anonymised: 0, kept: [] },
              },
            ],
          }),
        );
      }),
    );
    await renderInTestApp(<CoordinatorPage />, {
      apis: apis(true) as any,
      initialRouteEntries: ['/?status=pending&months=3'],
    });
    expect(
      await screen.findByRole(
        'table',
        { name: 'Erasure requests' },
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    expect(queries[0].get('status')).toBe('pending');
    expect(queries[0].get('months')).toBe('3');

    fireEvent.click(
      screen.getByRole('button', { name: 'Confirm: Omar Haddad' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Erase the data of Omar Haddad?',
    });
    expect(confirmed).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Erase' }));
    expect(
      await screen.findByText('The data of Omar Haddad is erased.'),
    ).toBeInTheDocument();
    expect(confirmed).toEqual([request().id]);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const report = screen.getByRole('table', {
      name: 'What each part of the portal did',
    });
    expect(within(report).getByText('Peer directory')).toBeInTheDocument();
    expect(within(report).getByText('7')).toBeInTheDocument();
  });

  it('rejects only with a reason, and never offers a coordinator their own request', async () => {
    const reasons: unknown[] = [];
    server.use(
      http.get(`${BASE}/me`, () => HttpResponse.json(coordinatorMe)),
      http.get(`${BASE}/erasure-requests`, () =>
        HttpResponse.json({
          items: [
            request(),
            request({
              id: '1b6c3c1e-5a7f-4c9e-9a55-3b1d2c4e5f60',
              userRef: 'user:default/mia.nordlund',
              displayName: 'Mia Nordlund',
            }),
          ],
        }),
      ),
      http.post(
        `${BASE}/erasure-requests/:id/reject`,
        async ({ request: r }) => {
          reasons.push(await r.json());
          return HttpResponse.json(
            request({ status: 'rejected', rejectReason: 'Utbetalning pågår' }),
          );
        },
      ),
    );
    await renderInTestApp(<CoordinatorPage />, { apis: apis(true) as any });
    expect(
      await screen.findByText(
        'Your own request: another coordinator decides it.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Confirm: Mia Nordlund' }),
    ).toBeNull();

    fireEvent.click(
      screen.getByRole('button', { name: 'Reject: Omar Haddad' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Reject the request of Omar Haddad?',
    });
    const reject = within(dialog).getByRole('button', { name: 'Reject' });
    expect(reject).toBeDisabled();
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Reason/ }), {
      target: { value: 'Utbetalning pågår' },
    });
    fireEvent.click(reject);
    expect(
      await screen.findByText('The request is rejected.'),
    ).toBeInTheDocument();
    expect(reasons).toEqual([{ reason: 'Utbetalning pågår' }]);
  });

  it('lists consent changes, and the retention runs with what they removed', async () => {
    server.use(
      http.get(`${BASE}/me`, () => HttpResponse.json(coordinatorMe)),
      http.get(`${BASE}/consent-changes`, () =>
        HttpResponse.json({
          items: [
            {
              userRef: 'user:default/asa.lindqvist',
              displayName: 'Åsa Lindqvist',
              field: 'experience',
              granted: true,
              at: '2026-11-20T10:00:00.000Z',
            },
          ],
        }),
      ),
      http.get(`${BASE}/retention/runs`, () =>
        HttpResponse.json({
          items: [
            {
              id: 3,
              trigger: 'schedule',
              startedAt: '2026-11-23T02:30:00.000Z',
              finishedAt: '2026-11-23T02:31:00.000Z',
              status: 'completed',
              policy: POLICY,
              plugins: [
                {
                  pluginId: 'network-meetings',
                  status: 'done',
                  removed: [
                    {
                      rule: 'rsvpNeedsAfterMeetingDays',
                      what: 'needs',
                      count: 4,
                    },
                  ],
                },
              ],
              erasures: 1,
              erasureRecordsRemoved: 0,
            },
          ],
        }),
      ),
    );
    await renderInTestApp(<CoordinatorPage />, {
      apis: apis(true) as any,
      initialRouteEntries: ['/?tab=consents'],
    });
    const consents = await screen.findByRole('table', {
      name: 'Consent changes',
    });
    expect(within(consents).getByText('Åsa Lindqvist')).toBeInTheDocument();
    expect(within(consents).getByText('Given')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('tab', { name: 'Retention' }));
    const runs = await screen.findByRole('table', {
      name: 'Runs of the retention rules',
    });
    expect(
      within(runs).getByText(
        'Network meetings: 4 needs given with answers to meetings that ended',
      ),
    ).toBeInTheDocument();
    expect(within(runs).getByText('Nightly')).toBeInTheDocument();
  });
});
