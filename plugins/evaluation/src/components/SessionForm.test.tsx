import { renderInTestApp } from '@backstage/frontend-test-utils';
import { registerMswTestHooks } from '@backstage/test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { EvaluationCapabilities } from '@internal/plugin-evaluation-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { evaluationApiRef } from '../api/EvaluationApi';
import { EvaluationClient } from '../api/EvaluationClient';
import { SessionForm } from './SessionForm';

jest.setTimeout(30_000);

const server = setupServer();
registerMswTestHooks(server);

const BASE = 'http://localhost:7007/api/evaluation';

const catalogApi = {
  getEntities: async () => ({
    items: [
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name: 'skane-malmo-avd-3', title: 'Avdelning 3, Malmö' },
        spec: { type: 'unit', parent: 'skane' },
      },
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

const me = (units: string[]): EvaluationCapabilities => ({
  scope: 'own',
  units,
  canLogSessions: true,
  canManageOutcomes: false,
});

describe('SessionForm', () => {
  it('offers the supporter’s own units by title and logs a session for one', async () => {
    const posted: unknown[] = [];
    server.use(
      http.get(`${BASE}/support-sessions/mine`, () =>
        HttpResponse.json({ items: [] }),
      ),
      http.post(`${BASE}/support-sessions`, async ({ request }) => {
        const body = await request.json();
        posted.push(body);
        return HttpResponse.json(
          { ...(body as object), id: 'x', region: 'skane', createdAt: '' },
          { status: 201 },
        );
      }),
    );
    await renderInTestApp(<SessionForm me={me(['skane-malmo-avd-3'])} />, {
      apis: apis() as any,
    });
    const unit = screen.getByLabelText(/Unit/);
    await waitFor(() =>
      expect(within(unit).getByText('Avdelning 3, Malmö')).toBeInTheDocument(),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save session' }));
    expect(
      await screen.findByText('The session has been saved.'),
    ).toBeInTheDocument();
    expect(posted[0]).toMatchObject({ unit: 'skane-malmo-avd-3' });
  });

  it('says why a supporter without a unit cannot log sessions', async () => {
    server.use(
      http.get(`${BASE}/support-sessions/mine`, () =>
        HttpResponse.json({ items: [] }),
      ),
    );
    await renderInTestApp(<SessionForm me={me([])} />, {
      apis: apis() as any,
    });
    expect(
      screen.getByText(/You are not a member of any unit in the catalog/),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save session' })).toBeDisabled();
  });
});
