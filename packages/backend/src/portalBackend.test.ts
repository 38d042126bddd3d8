import { loadConfig } from '@backstage/config-loader';
import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import {
  REPO_ROOT,
  PortalTestBackend,
  demoSignIn,
  startPortalBackend,
  testDatabaseIds,
  waitForOrganisation,
} from './__testUtils__/portalBackend';

jest.setTimeout(120_000);

type OrgUser = { name: string; memberOf: string[] };

/** The demo users as the organisation file declares them. */
function orgUsers(): OrgUser[] {
  const text = fs.readFileSync(
    path.join(REPO_ROOT, 'catalog/org.yaml'),
    'utf8',
  );
  return parseAllDocuments(text)
    .map(doc => doc.toJSON())
    .filter(entity => entity?.kind === 'User')
    .map(entity => ({
      name: entity.metadata.name,
      memberOf: entity.spec.memberOf,
    }));
}

function decodeToken(token: string) {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
}

async function authorize(baseUrl: string, token: string, name: string) {
  const res = await fetch(`${baseUrl}/api/permission/authorize`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      items: [
        {
          id: '1',
          permission: { type: 'basic', name, attributes: { action: 'read' } },
        },
      ],
    }),
  });
  expect(res.status).toBe(200);
  const body = await res.json();
  return body.items[0].result as 'ALLOW' | 'DENY';
}

describe.each(testDatabaseIds())('the portal backend on %s', databaseId => {
  let backend: PortalTestBackend;
  const users = orgUsers();

  beforeAll(async () => {
    backend = await startPortalBackend({ databaseId });
    await waitForOrganisation(backend.baseUrl);
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('lists every demo user of the organisation file with their roles', async () => {
    const res = await fetch(`${backend.baseUrl}/api/auth/demo/users`);
    const body = await res.json();
    expect(
      body.users.map((u: { username: string }) => u.username).sort(),
    ).toEqual(users.map(u => u.name).sort());
    const mia = body.users.find(
      (u: { username: string }) => u.username === 'mia.nordlund',
    );
    expect(mia).toMatchObject({
      displayName: 'Mia Nordlund',
      roles: ['coordinator'],
    });
  });

  it('signs in every demo user with their groups among the ownership refs', async () => {
    for (const user of users) {
      const res = await demoSignIn(backend.baseUrl, user.name);
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.profile.displayName).toEqual(expect.any(String));
      const identity = body.backstageIdentity.identity;
      expect(identity.userEntityRef).toBe(`user:default/${user.name}`);
      for (const group of user.memberOf) {
        expect(identity.ownershipEntityRefs).toContain(
          `group:default/${group}`,
        );
      }
      expect(decodeToken(body.backstageIdentity.token).sub).toBe(
        `user:default/${user.name}`,
      );
    }
  });

  it('refuses an unknown user, a malformed name and a request without the CSRF header', async () => {
    for (const username of ['nobody.here', 'Robert"); DROP TABLE', '']) {
      const res = await demoSignIn(backend.baseUrl, username);
      expect(res.status).toBe(401);
      expect(await res.text()).not.toContain('backstageIdentity');
    }
    const noHeader = await fetch(`${backend.baseUrl}/api/auth/demo/refresh`, {
      headers: { 'x-demo-user': 'mia.nordlund' },
    });
    expect(noHeader.status).toBe(401);
  });

  it('lets a demo token through to an authenticated route, and nothing without one', async () => {
    const signIn = await (
      await demoSignIn(backend.baseUrl, 'peter.aberg')
    ).json();
    const token = signIn.backstageIdentity.token;
    const withToken = await fetch(
      `${backend.baseUrl}/api/catalog/entities/by-name/user/default/peter.aberg`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    expect(withToken.status).toBe(200);
    const anonymous = await fetch(
      `${backend.baseUrl}/api/catalog/entities/by-name/user/default/peter.aberg`,
    );
    expect(anonymous.status).toBe(401);
    const forged = await fetch(`${backend.baseUrl}/api/catalog/entities`, {
      headers: { authorization: `Bearer ${token.slice(0, -4)}AAAA` },
    });
    expect(forged.status).toBe(401);
  });

  it('decides area permissions by role through the real policy', async () => {
    const expectations: Array<[string, 'ALLOW' | 'DENY']> = [
      ['helena.strand', 'ALLOW'], // manager
      ['mia.nordlund', 'ALLOW'], // coordinator
      ['asa.lindqvist', 'ALLOW'], // peer
      ['peter.aberg', 'DENY'], // staff
    ];
    for (const [username, expected] of expectations) {
      const { backstageIdentity } = await (
        await demoSignIn(backend.baseUrl, username)
      ).json();
      await expect(
        authorize(
          backend.baseUrl,
          backstageIdentity.token,
          'portal.area.evaluation.view',
        ),
      ).resolves.toBe(expected);
      await expect(
        authorize(
          backend.baseUrl,
          backstageIdentity.token,
          'portal.area.peer-directory.view',
        ),
      ).resolves.toBe('ALLOW');
      await expect(
        authorize(
          backend.baseUrl,
          backstageIdentity.token,
          'no.such.permission',
        ),
      ).resolves.toBe('DENY');
    }
  });
  it('serves the peer directory by role, with lived experience for staff only', async () => {
    const token = async (username: string) =>
      (await (await demoSignIn(backend.baseUrl, username)).json())
        .backstageIdentity.token as string;
    const get = (route: string, bearer?: string) =>
      fetch(`${backend.baseUrl}/api/peer-directory${route}`, {
        headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
      });
    const peer = await token('asa.lindqvist');
    const staff = await token('peter.aberg');
    const coordinator = await token('mia.nordlund');

    expect((await get('/profiles')).status).toBe(401);
    const forPeer = await (await get('/profiles?limit=100', peer)).json();
    expect(forPeer.totalCount).toBeGreaterThan(50);
    expect(JSON.stringify(forPeer)).not.toMatch(/"story"|"experience"/);
    const forStaff = await (await get('/profiles?limit=100', staff)).json();
    expect(forStaff.items.some((p: { story?: string }) => p.story)).toBe(true);

    expect((await get('/onboarding', peer)).status).toBe(403);
    expect((await get('/onboarding', coordinator)).status).toBe(200);

    const me = await (await get('/profiles/me', peer)).json();
    expect(me).toMatchObject({ displayName: 'Åsa Lindqvist', role: 'peer' });
    const found = await (
      await get(
        `/profiles?q=${encodeURIComponent('åsa')}&region=jonkoping`,
        staff,
      )
    ).json();
    expect(found.items[0].displayName).toBe('Åsa Lindqvist');
  });
});

describe('the production configuration', () => {
  async function productionConfig(): Promise<JsonObject> {
    const env = {
      PORTAL_BASE_URL: 'https://peer-support.example.se',
      POSTGRES_HOST: 'db',
      POSTGRES_PORT: '5432',
      POSTGRES_USER: 'portal',
      POSTGRES_PASSWORD: 'secret',
      AUTH_SESSION_SECRET: 'secret',
      AUTH_MICROSOFT_CLIENT_ID: 'client',
      AUTH_MICROSOFT_CLIENT_SECRET: 'secret',
      AUTH_MICROSOFT_TENANT_ID: 'tenant',
      PORTAL_DATA_DIR: '/tmp',
    };
    const saved = { ...process.env };
    Object.assign(process.env, env);
    try {
      const { appConfigs } = await loadConfig({
        configRoot: REPO_ROOT,
        configTargets: [
          { path: path.join(REPO_ROOT, 'app-config.yaml') },
          { path: path.join(REPO_ROOT, 'app-config.production.yaml') },
        ],
      });
      return ConfigReader.fromConfigs(appConfigs).get<JsonObject>();
    } finally {
      process.env = saved;
    }
  }

  it('has no demo provider and signs in with Microsoft Entra ID', async () => {
    const config = new ConfigReader(await productionConfig());
    expect(config.has('auth.providers.demo')).toBe(false);
    expect(
      config.getString('auth.providers.microsoft.production.clientId'),
    ).toBe('client');
    expect(config.getString('backend.database.client')).toBe('pg');
  });

  it('refuses demo sign-in when the backend runs with it', async () => {
    const production = await productionConfig();
    const auth = production.auth as JsonObject;
    const backend = await startPortalBackend({
      databaseId: 'SQLITE_3',
      config: { auth: { ...auth, environment: 'production' } },
    });
    try {
      const signIn = await demoSignIn(backend.baseUrl, 'mia.nordlund');
      expect(signIn.status).toBe(404);
      expect(await signIn.text()).not.toContain('backstageIdentity');
      const list = await fetch(`${backend.baseUrl}/api/auth/demo/users`);
      expect(list.status).toBe(404);
    } finally {
      await backend.stop();
    }
  });
});
