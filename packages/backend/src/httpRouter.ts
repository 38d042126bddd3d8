import {
  createAuthIntegrationRouter,
  createCookieAuthRefreshMiddleware,
  createCredentialsBarrier,
  createLifecycleMiddleware,
  createRateLimitMiddleware,
} from '@backstage/backend-defaults/httpRouter';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { databaseOutagesAs503, jsonBodies } from '@internal/plugin-portal-node';
import Router from 'express-promise-router';

/**
 * The httpRouter service of every plugin: Backstage's own parts (auth
 * integration, lifecycle, credentials barrier, cookie refresh, rate limit,
 * error handler) in Backstage's order, with two of the portal's guards in
 * the one place that sees every request of every plugin:
 *
 * - JSON bodies are read once, before the plugin's routes: at most 64 kB
 *   (413), UTF-8 only (415 for another charset, 400 for bytes that are not
 *   UTF-8), an object or an array (400 naming `body`).
 * - A database out of reach answers 503 with a clear message and
 *   Retry-After instead of a 500, and the plugin serves again as soon as
 *   the database is back (no restart).
 */
export const portalHttpRouterServiceFactory = createServiceFactory({
  service: coreServices.httpRouter,
  initialization: 'always',
  deps: {
    plugin: coreServices.pluginMetadata,
    config: coreServices.rootConfig,
    lifecycle: coreServices.lifecycle,
    rootHttpRouter: coreServices.rootHttpRouter,
    auth: coreServices.auth,
    httpAuth: coreServices.httpAuth,
    logger: coreServices.logger,
  },
  async factory({
    auth,
    httpAuth,
    config,
    plugin,
    rootHttpRouter,
    lifecycle,
    logger,
  }) {
    const router = Router();
    router.use(createRateLimitMiddleware({ pluginId: plugin.getId(), config }));
    rootHttpRouter.use(`/api/${plugin.getId()}`, router);
    const credentialsBarrier = createCredentialsBarrier({ httpAuth, config });
    router.use(createAuthIntegrationRouter({ auth }));
    router.use(createLifecycleMiddleware({ config, lifecycle }));
    router.use(credentialsBarrier.middleware);
    router.use(createCookieAuthRefreshMiddleware({ auth, httpAuth }));
    router.use(jsonBodies());
    const pluginRoutes = Router();
    router.use(pluginRoutes);
    router.use(databaseOutagesAs503());
    router.use(MiddlewareFactory.create({ config, logger }).error());
    return {
      use(handler) {
        pluginRoutes.use(handler);
      },
      addAuthPolicy(policy) {
        credentialsBarrier.addAuthPolicy(policy);
      },
    };
  },
});
