import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { DatabaseMeetingStore } from './database/DatabaseMeetingStore';
import { seedDemoMeetings } from './demo/seed';
import { REMINDER_TASK_ID, sendReminders } from './reminders/reminders';
import { Notifier } from './service/Notifier';
import { createRouter } from './service/router';

/**
 * The network meeting calendar: network meetings, supervision groups,
 * Recovery College sessions and Nordic cooperation meetings; answers with
 * places and a waitlist, calendar feeds, reminders and attendance.
 *
 * @public
 */
export const networkMeetingsPlugin = createBackendPlugin({
  pluginId: 'network-meetings',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        auditor: coreServices.auditor,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
        events: eventsServiceRef,
        notifications: notificationService,
      },
      async init(deps) {
        const store = await DatabaseMeetingStore.create({
          database: deps.database,
        });
        if (deps.config.getOptionalBoolean('networkMeetings.demoData')) {
          const created = await seedDemoMeetings(store);
          deps.logger.info(
            `Demo meetings in place (${created} created this start)`,
          );
        }
        const notifier = new Notifier(deps.notifications, deps.logger);

        await deps.scheduler.scheduleTask({
          id: REMINDER_TASK_ID,
          frequency: { minutes: 15 },
          timeout: { minutes: 5 },
          initialDelay: { minutes: 1 },
          fn: async () => {
            const sent = await sendReminders({ store, notifier });
            if (sent) deps.logger.info(`Sent ${sent} meeting reminders`);
          },
        });

        const displayNamesOf = async (userRefs: string[]) => {
          const names = new Map<string, string>();
          if (!userRefs.length) return names;
          const { items } = await deps.catalog.getEntitiesByRefs(
            {
              entityRefs: userRefs,
              fields: ['metadata.name', 'spec.profile.displayName'],
            },
            { credentials: await deps.auth.getOwnServiceCredentials() },
          );
          items.forEach((entity, i) => {
            const profile = entity?.spec?.profile as
              | { displayName?: string }
              | undefined;
            names.set(
              userRefs[i],
              profile?.displayName ??
                entity?.metadata.name ??
                userRefs[i].replace(/^user:[^/]+\//, ''),
            );
          });
          return names;
        };

        deps.httpRouter.addAuthPolicy({
          path: '/feeds',
          allow: 'unauthenticated',
        });
        deps.httpRouter.use(
          await createRouter({
            store,
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            auditor: deps.auditor,
            events: deps.events,
            notifier,
            displayNamesOf,
            externalBaseUrl: () =>
              deps.discovery.getExternalBaseUrl('network-meetings'),
            appBaseUrl: deps.config.getString('app.baseUrl'),
          }),
        );
      },
    });
  },
});
