import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { AuthenticationError, NotFoundError, isError } from '@backstage/errors';
import {
  AuthResolverContext,
  authProvidersExtensionPoint,
  createProxyAuthProviderFactory,
} from '@backstage/plugin-auth-node';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import express from 'express';
import { demoAuthenticator } from './authenticator';
import { toDemoUsers } from './demoUsers';

/**
 * Development sign-in: `GET /api/auth/demo/refresh` with the headers
 * `x-demo-user: <username>` and `X-Requested-With: XMLHttpRequest` signs in
 * as that catalog user, with the user's groups among the ownership refs.
 * `GET /api/auth/demo/users` lists the demo users for the sign-in page.
 *
 * Nothing is registered unless `auth.providers.demo` is configured, and not
 * with NODE_ENV=production unless `allowInProduction` says so.
 *
 * @public
 */
export const authModuleDemoProvider = createBackendModule({
  pluginId: 'auth',
  moduleId: 'demo-provider',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: authProvidersExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        httpRouter: coreServices.httpRouter,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
      },
      async init({ providers, config, logger, httpRouter, catalog, auth }) {
        const demoConfig = config.getOptionalConfig('auth.providers.demo');
        if (!demoConfig) {
          return;
        }
        if (
          process.env.NODE_ENV === 'production' &&
          !demoConfig.getOptionalBoolean('allowInProduction')
        ) {
          logger.warn(
            'auth.providers.demo is configured but NODE_ENV is production; demo sign-in stays off',
          );
          return;
        }
        logger.warn('Demo sign-in is on: anyone can sign in as a demo user');

        providers.registerProvider({
          providerId: 'demo',
          factory: createProxyAuthProviderFactory({
            authenticator: demoAuthenticator,
            async profileTransform(result, ctx) {
              const { entity } = await findDemoUser(result.username, ctx);
              const profile = (entity.spec?.profile ?? {}) as {
                displayName?: string;
                email?: string;
                picture?: string;
              };
              return {
                profile: {
                  displayName: profile.displayName ?? entity.metadata.name,
                  email: profile.email,
                  picture: profile.picture,
                },
              };
            },
            async signInResolver({ result }, ctx) {
              await findDemoUser(result.username, ctx);
              return ctx.signInWithCatalogUser({
                entityRef: { kind: 'User', name: result.username },
              });
            },
          }),
        });

        const router = express.Router();
        router.get('/demo/users', async (_req, res) => {
          const { items } = await catalog.getEntities(
            {
              filter: { kind: 'User' },
              fields: [
                'metadata',
                'spec.profile',
                'spec.memberOf',
                'relations',
              ],
            },
            { credentials: await auth.getOwnServiceCredentials() },
          );
          res.json({ users: toDemoUsers(items) });
        });
        httpRouter.use(router);
        httpRouter.addAuthPolicy({
          path: '/demo/users',
          allow: 'unauthenticated',
        });
      },
    });
  },
});

/** An unknown user is an authentication failure (401), never a 404 or 500. */
async function findDemoUser(username: string, ctx: AuthResolverContext) {
  try {
    return await ctx.findCatalogUser({
      entityRef: { kind: 'User', name: username },
    });
  } catch (error) {
    if (isError(error) && error.name === NotFoundError.name) {
      throw new AuthenticationError(`No demo user named '${username}'`);
    }
    throw error;
  }
}
