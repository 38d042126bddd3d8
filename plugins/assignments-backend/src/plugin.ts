import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { ASSIGNMENTS_EVENT_TOPIC } from '@internal/plugin-assignments-common';
import { RateLimiter, readRateLimit } from '@internal/plugin-portal-node';
import { readRateTable } from './config';
import { DatabaseAssignmentStore } from './database/DatabaseAssignmentStore';
import { seedDemoAssignments } from './demo/seed';
import { HttpDirectoryClient } from './service/directory';
import { createRouter } from './service/router';

/**
 * The assignment board: units book peers through the booking form,
 * peers show interest, coordinators select, the unit confirms the hours,
 * honoraria are approved and exported to payroll.
 *
 * @public
 */
export const assignmentsPlugin = createBackendPlugin({
  pluginId: 'assignments',
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
        discovery: coreServices.discovery,
        catalog: catalogServiceRef,
        notifications: notificationService,
        events: eventsServiceRef,
      },
      async init(deps) {
        const store = await DatabaseAssignmentStore.create({
          database: deps.database,
          rates: readRateTable(deps.config),
        });
        if (deps.config.getOptionalBoolean('assignments.demoData')) {
          const created = await seedDemoAssignments(store);
          deps.logger.info(`Demo assignments in place (${created} created)`);
        }
        const entity = async (ref: string) =>
          deps.catalog.getEntityByRef(ref, {
            credentials: await deps.auth.getOwnServiceCredentials(),
          });
        deps.httpRouter.use(
          await createRouter({
            ...deps,
            store,
            // The booking form, per person (issue 10): the counters live in
            // the plugin's own table, so the limit holds across replicas.
            rateLimiter: new RateLimiter({
              knex: await deps.database.getClient(),
              table: 'as_rate_limits',
              limits: {
                booking: readRateLimit(
                  deps.config,
                  'assignments.rateLimit.bookings',
                  { max: 20, windowSeconds: 3600 },
                ),
              },
            }),
            directory: new HttpDirectoryClient(deps),
            displayNameOf: async userRef => {
              const user = await entity(userRef);
              const profile = user?.spec?.profile as
                | { displayName?: string }
                | undefined;
              return profile?.displayName ?? user?.metadata.name ?? userRef;
            },
            regionOfUnit: async unit => {
              const group = await entity(`group:default/${unit}`);
              if (group?.spec?.type !== 'unit') return undefined;
              return String(group.spec.parent ?? '') || undefined;
            },
            notify: async n => {
              await deps.notifications.send({
                recipients: { type: 'entity', entityRef: n.entityRefs },
                payload: {
                  title: n.title,
                  description: n.description,
                  link: n.link,
                  severity: n.severity ?? 'normal',
                  topic: 'assignments',
                },
              });
            },
            publishFacts: async facts => {
              for (const fact of facts) {
                await deps.events.publish({
                  topic: ASSIGNMENTS_EVENT_TOPIC,
                  eventPayload: fact,
                });
              }
            },
          }),
        );
      },
    });
  },
});
