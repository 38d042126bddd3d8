import { microsoftAuthApiRef } from '@backstage/core-plugin-api';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { registerMswTestHooks } from '@backstage/test-utils';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { DEMO_USER_STORAGE_KEY, DemoSignInPage } from './DemoSignInPage';

const server = setupServer();
registerMswTestHooks(server);

const AUTH = 'http://localhost:7007/api/auth';

const users = [
  {
    username: 'asa.lindqvist',
    displayName: 'Åsa Lindqvist',
    title: 'Peer, Jönköping',
    roles: ['peer'],
  },
  {
    username: 'mia.nordlund',
    displayName: 'Mia Nordlund',
    title: 'Samordnare',
    roles: ['coordinator'],
  },
];

// A syntactically valid token that expires far in the future.
const token = [
  Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url'),
  Buffer.from(
    JSON.stringify({ sub: 'user:default/mia.nordlund', exp: 4102444800 }),
  ).toString('base64url'),
  'signature',
].join('.');

describe('DemoSignInPage', () => {
  beforeEach(() => window.localStorage.clear());

  it('lists the demo users under their roles', async () => {
    server.use(
      http.get(`${AUTH}/demo/users`, () => HttpResponse.json({ users })),
    );
    await renderInTestApp(<DemoSignInPage onSignInSuccess={jest.fn()} />);

    expect(
      await screen.findByRole('heading', { name: 'Coordinator' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Peer' })).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: /Sign in as Åsa Lindqvist/ }),
    ).toBeInTheDocument();
    // Roles without demo users get no empty card.
    expect(screen.queryByRole('heading', { name: 'Manager' })).toBeNull();
  });

  it('signs in as the chosen user with the x-demo-user header, and remembers the choice', async () => {
    server.use(
      http.get(`${AUTH}/demo/users`, () => HttpResponse.json({ users })),
    );
    const seenHeaders: Array<string | null> = [];
    server.use(
      http.get(`${AUTH}/demo/refresh`, ({ request }) => {
        seenHeaders.push(request.headers.get('x-demo-user'));
        return HttpResponse.json({
          profile: { displayName: 'Mia Nordlund' },
          backstageIdentity: {
            token,
            identity: {
              type: 'user',
              userEntityRef: 'user:default/mia.nordlund',
              ownershipEntityRefs: ['group:default/coordinator'],
            },
          },
        });
      }),
    );
    const onSignInSuccess = jest.fn();
    await renderInTestApp(<DemoSignInPage onSignInSuccess={onSignInSuccess} />);

    fireEvent.click(
      await screen.findByRole('button', { name: /Sign in as Mia Nordlund/ }),
    );

    await waitFor(() => expect(onSignInSuccess).toHaveBeenCalled());
    expect(seenHeaders).toEqual(['mia.nordlund']);
    expect(window.localStorage.getItem(DEMO_USER_STORAGE_KEY)).toBe(
      'mia.nordlund',
    );
    const identity = onSignInSuccess.mock.calls[0][0];
    await expect(identity.getBackstageIdentity()).resolves.toMatchObject({
      userEntityRef: 'user:default/mia.nordlund',
    });
    // Signing out forgets the chosen user.
    await identity.signOut();
    expect(window.localStorage.getItem(DEMO_USER_STORAGE_KEY)).toBeNull();
  });

  it('shows the error and a way back when sign-in fails', async () => {
    window.localStorage.setItem(DEMO_USER_STORAGE_KEY, 'gone.user');
    server.use(
      http.get(`${AUTH}/demo/refresh`, () =>
        HttpResponse.json(
          { error: { name: 'AuthenticationError', message: 'No demo user' } },
          { status: 401 },
        ),
      ),
      http.get(`${AUTH}/demo/users`, () => HttpResponse.json({ users })),
    );
    await renderInTestApp(<DemoSignInPage onSignInSuccess={jest.fn()} />);

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Sign-in failed',
    );
    fireEvent.click(
      screen.getByRole('button', { name: 'Choose another user' }),
    );
    expect(
      await screen.findByRole('button', { name: /Sign in as Åsa Lindqvist/ }),
    ).toBeInTheDocument();
    expect(window.localStorage.getItem(DEMO_USER_STORAGE_KEY)).toBeNull();
  });

  it('offers the organisation sign-in when the backend has no demo sign-in', async () => {
    server.use(
      http.get(`${AUTH}/demo/users`, () =>
        HttpResponse.json(
          { error: { name: 'NotFoundError' } },
          { status: 404 },
        ),
      ),
    );
    const microsoftAuth = {
      getBackstageIdentity: jest.fn().mockResolvedValue(undefined),
      getProfile: jest.fn().mockResolvedValue(undefined),
      signIn: jest.fn(),
      signOut: jest.fn(),
      sessionState$: () => ({ subscribe: () => ({ unsubscribe() {} }) }),
    } as unknown as typeof microsoftAuthApiRef.T;
    await renderInTestApp(<DemoSignInPage onSignInSuccess={jest.fn()} />, {
      config: {
        app: { title: 'Peer support portal' },
        backend: { baseUrl: 'http://localhost:7007' },
      },
      apis: [[microsoftAuthApiRef, microsoftAuth]],
    });

    expect(
      await screen.findByText('Sign in with your organisation account'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Demo sign-in/)).toBeNull();
  });

  it('says so, with a retry, when there are no demo users yet', async () => {
    server.use(
      http.get(`${AUTH}/demo/users`, () => HttpResponse.json({ users: [] })),
    );
    await renderInTestApp(<DemoSignInPage onSignInSuccess={jest.fn()} />);
    expect(await screen.findByText(/No demo users yet/)).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Try again' }),
    ).toBeInTheDocument();
  });
});
