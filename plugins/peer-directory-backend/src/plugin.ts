import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import {
  PEER_DIRECTORY_PROFILES_TOPIC,
  ProfilesChangedEvent,
} from '@internal/plugin-peer-directory-common';
import { DatabaseProfileStore } from './database/DatabaseProfileStore';
import { seedDemoProfiles } from './demo/seed';
import { createRouter } from './service/router';
import { RateLimiter, readRateLimit } from '@internal/plugin-portal-node';

/**
 * The peer directory: who is in the network, their training, region, unit,
 * languages, support modes and availability; lived experience only with
 * the person's consent.
 *
 * @public
 */
export const peerDirectoryPlugin = createBackendPlugin({
  pluginId: 'peer-directory',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        userInfo: coreServices.userInfo,
        permissions: coreServices.permissions,
        auditor: coreServices.auditor,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        events: eventsServiceRef,
      },
      async init(deps) {
        const store = await DatabaseProfileStore.create({
          database: deps.database,
        });
        if (deps.config.getOptionalBoolean('peerDirectory.demoData')) {
          const created = await seedDemoProfiles(store);
          deps.logger.info(`Demo profiles in place (${created} in the seed)`);
        }
        const displayNameOf = async (userRef: string) => {
          const entity = await deps.catalog.getEntityByRef(userRef, {
            credentials: await deps.auth.getOwnServiceCredentials(),
          });
          const profile = entity?.spec?.profile as
            | { displayName?: string }
            | undefined;
          return profile?.displayName ?? entity?.metadata.name ?? userRef;
        };
        // Interest registrations, per person (issue 10): the counters live
        // in the plugin's own table, so the limit holds across replicas.
        const rateLimiter = new RateLimiter({
          knex: await deps.database.getClient(),
          table: 'pd_rate_limits',
          limits: {
            interest: readRateLimit(
              deps.config,
              'peerDirectory.rateLimit.interest',
              { max: 5, windowSeconds: 3600 },
            ),
          },
        });
        // Search re-indexes the directory when this is published; if it is
        // lost, its next scheduled run (every 10 minutes) catches up.
        const onProfilesChanged = async (
          reason: ProfilesChangedEvent['reason'],
        ) => {
          try {
            const eventPayload: ProfilesChangedEvent = { reason };
            await deps.events.publish({
              topic: PEER_DIRECTORY_PROFILES_TOPIC,
              eventPayload,
            });
          } catch (error) {
            deps.logger.warn(`Could not publish a profile change: ${error}`);
          }
        };
        deps.httpRouter.use(
          await createRouter({
            ...deps,
            store,
            displayNameOf,
            rateLimiter,
            onProfilesChanged,
          }),
        );
      },
    });
  },
});
