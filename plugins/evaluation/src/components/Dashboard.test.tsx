import { renderInTestApp } from '@backstage/frontend-test-utils';
import { registerMswTestHooks } from '@backstage/test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  KeyFigures,
  MetricsResponse,
  SESSION_MODES,
} from '@internal/plugin-evaluation-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { useLocation } from 'react-router-dom';
import { evaluationApiRef } from '../api/EvaluationApi';
import { EvaluationClient } from '../api/EvaluationClient';
import { Dashboard } from './Dashboard';
import { OutcomesAdmin } from './OutcomesAdmin';

// Rendering the charts takes seconds on a busy machine.
jest.setTimeout(30_000);

const server = setupServer();
registerMswTestHooks(server);

const BASE = 'http://localhost:7007/api/evaluation';

function figures(overrides: Partial<KeyFigures> = {}): KeyFigures {
  return {
    assignmentsCompleted: 42,
    hours: 128.5,
    honorariaSek: 25200,
    activePeers: 17,
    unitsUsingPeers: 6,
    supportSessions: 60,
    sessionsByMode: Object.fromEntries(
      SESSION_MODES.map(m => [m, 15]),
    ) as KeyFigures['sessionsByMode'],
    meetingAttendance: 33,
    averageFeedback: 4.4,
    ...overrides,
  };
}

function metrics(groupBy: MetricsResponse['groupBy']): MetricsResponse {
  return {
    from: '2026-01',
    to: '2026-03',
    groupBy,
    scope: 'all',
    previous: { from: '2025-10', to: '2025-12' },
    totals: figures(),
    previousTotals: figures({ assignmentsCompleted: 30 }),
    changePercent: { assignmentsCompleted: 40, hours: null },
    groups:
      groupBy === 'unit'
        ? [
            { key: 'skane-malmo-avd-3', figures: figures() },
            {
              key: 'vll-skelleftea-oppenvard',
              figures: figures({ supportSessions: '<5', hours: '<5' }),
            },
          ]
        : ['2026-01', '2026-02', '2026-03'].map(key => ({
            key,
            figures: figures({
              assignmentsCompleted: key === '2026-02' ? '<5' : 14,
            }),
          })),
  };
}

const group = (name: string, title: string, type: string, parent?: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, title },
  spec: { type, parent },
});

const catalogApi = {
  getEntities: async () => ({
    items: [
      group('skane', 'Region Skåne', 'region'),
      group('vasterbotten', 'Region Västerbotten', 'region'),
      group('skane-malmo-avd-3', 'Avdelning 3, Malmö', 'unit', 'skane'),
      group(
        'vll-skelleftea-oppenvard',
        'Öppenvården Skellefteå',
        'unit',
        'vasterbotten',
      ),
    ],
  }),
};

function apis() {
  const discoveryApi = { getBaseUrl: async () => BASE };
  const fetchApi = { fetch: (input: any, init?: any) => fetch(input, init) };
  return [
    [evaluationApiRef, new EvaluationClient({ discoveryApi, fetchApi })],
    [catalogApiRef, catalogApi],
  ] as const;
}

function Location() {
  return <div data-testid="location">{useLocation().search}</div>;
}

function serve(queries: string[] = []) {
  server.use(
    http.get(`${BASE}/metrics`, ({ request }) => {
      const url = new URL(request.url);
      queries.push(url.search);
      return HttpResponse.json(
        metrics((url.searchParams.get('groupBy') as any) ?? 'month'),
      );
    }),
    http.get(`${BASE}/filters`, () =>
      HttpResponse.json({
        regions: ['skane', 'vasterbotten'],
        units: [
          { unit: 'skane-malmo-avd-3', region: 'skane' },
          { unit: 'vll-skelleftea-oppenvard', region: 'vasterbotten' },
        ],
        types: ['share-story'],
      }),
    ),
    http.get(`${BASE}/outcomes`, () => HttpResponse.json({ items: [] })),
  );
}

describe('Dashboard', () => {
  it('shows the key figures with their change, and "<5" where a figure is hidden', async () => {
    serve();
    await renderInTestApp(<Dashboard />, { apis: apis() as any });
    expect(
      await screen.findByTestId('figure-assignmentsCompleted'),
    ).toHaveTextContent('42');
    expect(screen.getByTestId('figure-hours')).toHaveTextContent('128,5');
    expect(
      screen.getByText('Up 40,0 % on the previous period'),
    ).toBeInTheDocument();
    // The trend's table alternative, with the hidden month as "<5".
    const trend = screen.getByRole('table', {
      name: /Assignments completed by Month/,
    });
    const february = within(trend).getByRole('row', { name: /Feb 2026/ });
    expect(february).toHaveTextContent('<5');
    // The breakdown by unit shows the small unit's sessions as "<5".
    // Units by their titles, not their codes.
    fireEvent.click(screen.getByRole('tab', { name: 'By unit' }));
    const byUnit = await screen.findByRole('table', { name: /by unit/ });
    expect(
      await within(byUnit).findByRole('row', {
        name: /Öppenvården Skellefteå/,
      }),
    ).toHaveTextContent('<5');
    expect(
      within(byUnit).queryByText('vll-skelleftea-oppenvard'),
    ).not.toBeInTheDocument();
  });

  it('exports what is on screen: the trend, or the breakdown shown, in the screen’s language', async () => {
    const exports: string[] = [];
    serve();
    server.use(
      http.get(`${BASE}/export.csv`, ({ request }) => {
        exports.push(new URL(request.url).search);
        return new HttpResponse('\uFEFFEnhet;Timmar\r\n', {
          headers: {
            'Content-Type': 'text/csv; charset=utf-8',
            'Content-Disposition':
              'attachment; filename="evaluation-2026-01-2026-03-unit.csv"',
          },
        });
      }),
    );
    const createObjectURL = jest.fn(() => 'blob:x');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    await renderInTestApp(<Dashboard />, {
      apis: apis() as any,
      initialRouteEntries: ['/?from=2026-01&to=2026-03&region=skane'],
    });
    await screen.findByTestId('figure-assignmentsCompleted');
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    fireEvent.click(screen.getByRole('tab', { name: 'By unit' }));
    fireEvent.click(
      await screen.findByRole('button', { name: 'Export CSV: by unit' }),
    );
    await waitFor(() => expect(createObjectURL).toHaveBeenCalledTimes(2));
    expect(exports[0]).toContain('region=skane');
    expect(exports[0]).toContain('lang=en');
    expect(exports[1]).toContain('groupBy=unit');
    expect(exports[1]).toContain('region=skane');
  });

  it('puts the filters in the URL and asks the backend with them', async () => {
    const queries: string[] = [];
    serve(queries);
    await renderInTestApp(
      <>
        <Dashboard />
        <Location />
      </>,
      {
        apis: apis() as any,
        initialRouteEntries: ['/?from=2026-01&to=2026-03'],
      },
    );
    await screen.findByTestId('figure-assignmentsCompleted');
    expect(queries[0]).toContain('from=2026-01');
    const region = await screen.findByLabelText('Region');
    await waitFor(() =>
      expect(
        within(region).getByText('Region Västerbotten'),
      ).toBeInTheDocument(),
    );
    fireEvent.change(region, { target: { value: 'vasterbotten' } });
    fireEvent.change(screen.getByLabelText('Trend by'), {
      target: { value: 'quarter' },
    });
    await waitFor(() => {
      const search = screen.getByTestId('location').textContent ?? '';
      expect(search).toContain('region=vasterbotten');
      expect(search).toContain('groupBy=quarter');
    });
    await waitFor(() =>
      expect(
        queries.some(
          q =>
            q.includes('region=vasterbotten') && q.includes('groupBy=quarter'),
        ),
      ).toBe(true),
    );
  });

  it('toggles the trend between chart and table', async () => {
    serve();
    await renderInTestApp(<Dashboard />, { apis: apis() as any });
    await screen.findByTestId('figure-assignmentsCompleted');
    const toggles = screen.getAllByRole('button', { name: 'Show as table' });
    fireEvent.click(toggles[0]);
    expect(
      screen.getByRole('button', { name: 'Show as chart' }),
    ).toHaveAttribute('aria-pressed', 'true');
    expect(
      screen.getByRole('table', { name: /Assignments completed by Month/ }),
    ).toBeVisible();
  });
});

describe('OutcomesAdmin', () => {
  it('shows the rejected rows of a CSV import', async () => {
    server.use(
      http.get(`${BASE}/filters`, () =>
        HttpResponse.json({ regions: [], units: [], types: [] }),
      ),
      http.post(`${BASE}/outcomes/import`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'InputError',
              message: 'Invalid body: nothing was imported.',
            },
            request: { method: 'POST', url: '/api/evaluation/outcomes/import' },
            response: { statusCode: 400 },
            imported: 0,
            rejected: [
              { line: 3, field: 'admissions', message: 'Invalid input' },
            ],
          },
          { status: 400 },
        ),
      ),
    );
    await renderInTestApp(<OutcomesAdmin />, { apis: apis() as any });
    const input = screen.getByLabelText(/CSV file/);
    const file = new File(['unit;periodStart\n'], 'x.csv', {
      type: 'text/csv',
    });
    Object.defineProperty(file, 'text', {
      value: async () => 'unit;periodStart\n',
    });
    fireEvent.change(input, { target: { files: [file] } });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Nothing was imported',
    );
    expect(
      screen.getByRole('row', { name: /3 admissions/ }),
    ).toBeInTheDocument();
  });
});
