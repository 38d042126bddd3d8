import { AuthenticationError } from '@backstage/errors';
import { createProxyAuthenticator } from '@backstage/plugin-auth-node';

/** What the demo authenticator reads off a request. */
export type DemoAuthResult = { username: string };

/** Catalog user names: lower-case letters, digits, dots, dashes. */
const USERNAME = /^[a-z0-9](?:[a-z0-9._-]{0,61}[a-z0-9])?$/;

/**
 * Reads the demo user from the `x-demo-user` header. The caller must also
 * send `X-Requested-With: XMLHttpRequest`, the same light CSRF guard that
 * Backstage's own refresh endpoints use.
 */
export const demoAuthenticator = createProxyAuthenticator<
  void,
  DemoAuthResult,
  undefined
>({
  defaultProfileTransform: async () => ({ profile: {} }),
  initialize() {},
  async authenticate({ req }) {
    if (req.header('x-requested-with') !== 'XMLHttpRequest') {
      throw new AuthenticationError(
        'Demo sign-in needs the header X-Requested-With: XMLHttpRequest',
      );
    }
    const username = req
      .header('x-demo-user')
      ?.trim()
      .toLocaleLowerCase('en-US');
    if (!username || !USERNAME.test(username)) {
      throw new AuthenticationError(
        'Demo sign-in needs the header x-demo-user with a demo user name',
      );
    }
    return { result: { username } };
  },
});
