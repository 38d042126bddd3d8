import { Request } from 'express';
import { demoAuthenticator } from './authenticator';

function request(headers: Record<string, string>): Request {
  const lower = Object.fromEntries(
    Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]),
  );
  return { header: (name: string) => lower[name.toLowerCase()] } as Request;
}

const xhr = { 'X-Requested-With': 'XMLHttpRequest' };

describe('demoAuthenticator', () => {
  it('reads the demo user name, trimmed and in lower case', async () => {
    await expect(
      demoAuthenticator.authenticate(
        { req: request({ ...xhr, 'x-demo-user': '  Mia.Nordlund ' }) },
        undefined,
      ),
    ).resolves.toEqual({ result: { username: 'mia.nordlund' } });
  });

  it.each([
    ['no user header', {}],
    ['an empty name', { 'x-demo-user': '' }],
    ['a name with spaces', { 'x-demo-user': 'mia nordlund' }],
    ['an injection attempt', { 'x-demo-user': "x'; DROP TABLE users; --" }],
    ['a path', { 'x-demo-user': '../../etc/passwd' }],
    ['a 200-character name', { 'x-demo-user': 'a'.repeat(200) }],
  ])('refuses %s with an authentication error', async (_case, headers) => {
    await expect(
      demoAuthenticator.authenticate(
        { req: request({ ...xhr, ...headers }) },
        undefined,
      ),
    ).rejects.toMatchObject({ name: 'AuthenticationError' });
  });

  it('refuses a request without X-Requested-With (CSRF guard)', async () => {
    await expect(
      demoAuthenticator.authenticate(
        { req: request({ 'x-demo-user': 'mia.nordlund' }) },
        undefined,
      ),
    ).rejects.toMatchObject({
      name: 'AuthenticationError',
      message: expect.stringContaining('X-Requested-With'),
    });
  });
});
