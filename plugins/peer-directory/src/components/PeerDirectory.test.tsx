import { renderInTestApp } from '@backstage/frontend-test-utils';
import { registerMswTestHooks } from '@backstage/test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { peerDirectoryApiRef } from '../api/PeerDirectoryApi';
import { PeerDirectoryClient } from '../api/PeerDirectoryClient';
import { FindTab } from './FindTab';
import { MineTab } from './MineTab';

const server = setupServer();
registerMswTestHooks(server);

const BASE = 'http://localhost:7007/api/peer-directory';

const profile = {
  id: '5f0c7a44-1111-4c4c-8888-000000000001',
  userRef: 'user:default/elin.bergstrom',
  displayName: 'Elin Bergström',
  role: 'peer-supporter',
  region: 'skane',
  units: ['skane-malmo-avd-3'],
  languages: ['sv', 'ar'],
  supportModes: ['walk-and-talk'],
  topics: [],
  assignmentTypes: [],
  availability: 'available',
  pausedUntil: null,
  membershipStatus: 'active',
  trainings: [],
  updatedAt: '2026-11-23T10:00:00.000Z',
};

const catalogApi = {
  getEntities: async () => ({
    items: [
      {
        apiVersion: 'v1',
        kind: 'Group',
        metadata: { name: 'skane', title: 'Region Skåne' },
        spec: { type: 'region' },
      },
      {
        apiVersion: 'v1',
        kind: 'Group',
        metadata: {
          name: 'skane-malmo-avd-3',
          title: 'Vuxenpsykiatri Malmö, avdelning 3',
        },
        spec: { type: 'unit', parent: 'skane' },
      },
    ],
  }),
};

function apis() {
  const discoveryApi = { getBaseUrl: async () => BASE };
  const fetchApi = { fetch: (input: any, init?: any) => fetch(input, init) };
  return [
    [peerDirectoryApiRef, new PeerDirectoryClient({ discoveryApi, fetchApi })],
    [catalogApiRef, catalogApi],
  ] as const;
}

describe('FindTab', () => {
  it('shows the results with catalog titles, and sends the filters from the URL', async () => {
    const queries: string[] = [];
    server.use(
      http.get(`${BASE}/profiles`, ({ request }) => {
        queries.push(new URL(request.url).search);
        return HttpResponse.json({ items: [profile], totalCount: 1 });
      }),
    );
    await renderInTestApp(<FindTab />, {
      apis: apis() as any,
      initialRouteEntries: ['/?region=skane&mode=walk-and-talk'],
    });

    expect(
      await screen.findByRole('link', { name: 'Elin Bergström' }),
    ).toBeInTheDocument();
    expect(screen.getByText('1 person')).toBeInTheDocument();
    expect(
      await screen.findByText('Vuxenpsykiatri Malmö, avdelning 3'),
    ).toBeInTheDocument();
    expect(screen.getByText('Swedish, Arabic')).toBeInTheDocument();
    expect(queries[0]).toContain('region=skane');
    expect(queries[0]).toContain('mode=walk-and-talk');
  });

  it('says so when nobody matches, and when the directory cannot be loaded', async () => {
    server.use(
      http.get(`${BASE}/profiles`, () =>
        HttpResponse.json({ items: [], totalCount: 0 }),
      ),
    );
    const { unmount } = await renderInTestApp(<FindTab />, {
      apis: apis() as any,
    });
    expect(await screen.findByText(/Nobody matches/)).toBeInTheDocument();
    unmount();

    server.use(
      http.get(`${BASE}/profiles`, () =>
        HttpResponse.json(
          { error: { name: 'Error', message: 'boom' } },
          { status: 500 },
        ),
      ),
    );
    await renderInTestApp(<FindTab />, { apis: apis() as any });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not load the directory',
    );
  });

  it('loads the next page with the cursor when asked', async () => {
    server.use(
      http.get(`${BASE}/profiles`, ({ request }) => {
        const cursor = new URL(request.url).searchParams.get('cursor');
        return cursor
          ? HttpResponse.json({
              items: [
                {
                  ...profile,
                  id: `${profile.id.slice(0, -1)}2`,
                  displayName: 'Jonas Nilsson',
                },
              ],
              totalCount: 2,
            })
          : HttpResponse.json({
              items: [profile],
              totalCount: 2,
              nextCursor: 'c1',
            });
      }),
    );
    await renderInTestApp(<FindTab />, { apis: apis() as any });
    fireEvent.click(await screen.findByRole('button', { name: 'Show more' }));
    expect(
      await screen.findByRole('link', { name: 'Jonas Nilsson' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Elin Bergström' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
  });
});

describe('MineTab', () => {
  const own = {
    ...profile,
    experience: ['own'],
    story: 'Min berättelse',
    consent: { experience: false, story: false },
    consentHistory: [],
    statusHistory: [],
  };

  it('offers interest registration, with the public-document notice, to someone without a profile', async () => {
    server.use(
      http.get(`${BASE}/profiles/me`, () =>
        HttpResponse.json(
          { error: { name: 'NotFoundError', message: 'none' } },
          { status: 404 },
        ),
      ),
    );
    await renderInTestApp(<MineTab />, { apis: apis() as any });
    expect(
      await screen.findByRole('heading', {
        name: 'Do you want to become a peer?',
      }),
    ).toBeInTheDocument();
    expect(screen.getByText(/public document/)).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Register interest' }),
    ).toBeDisabled();
  });

  it('sends consent at once and rolls the switch back when saving fails', async () => {
    const sent: unknown[] = [];
    let fail = false;
    server.use(
      http.get(`${BASE}/profiles/me`, () => HttpResponse.json(own)),
      http.put(`${BASE}/profiles/me/consent`, async ({ request }) => {
        const body = (await request.json()) as {
          experience: boolean;
          story: boolean;
        };
        sent.push(body);
        if (fail) {
          return HttpResponse.json(
            { error: { name: 'Error', message: 'offline' } },
            { status: 503 },
          );
        }
        return HttpResponse.json({
          ...own,
          consent: body,
          consentHistory: [
            { field: 'story', granted: body.story, at: '2026-11-23T10:00:00Z' },
          ],
        });
      }),
    );
    await renderInTestApp(<MineTab />, { apis: apis() as any });
    const story = await screen.findByRole('checkbox', {
      name: 'Show my story',
    });
    expect(story).not.toBeChecked();

    fireEvent.click(story);
    expect(story).toBeChecked();
    expect(
      await screen.findByText('Your choice is saved.'),
    ).toBeInTheDocument();
    expect(sent).toEqual([{ experience: false, story: true }]);

    fail = true;
    fireEvent.click(story);
    await waitFor(() => expect(story).toBeChecked());
    expect(await screen.findByRole('alert')).toHaveTextContent('offline');
  });
});
