import {
  coreServices,
  createBackendPlugin,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { readPlugins, readPolicy } from './config';
import { DatabasePersonalDataStore } from './database/DatabasePersonalDataStore';
import { PersonalDataService } from './service/PersonalDataService';
import { PluginClient } from './service/PluginClient';
import { createRouter } from './service/router';

/**
 * Personal data across the portal: a person's export of everything the
 * plugins hold about them, erasure on request (confirmed by a
 * coordinator), and the retention rules, applied once a day across
 * replicas.
 *
 * @public
 */
export const personalDataPlugin = createBackendPlugin({
  pluginId: 'personal-data',
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
      },
      async init(deps) {
        const store = await DatabasePersonalDataStore.create({
          database: deps.database,
        });
        const service = new PersonalDataService({
          store,
          client: new PluginClient(deps),
          logger: deps.logger,
          plugins: readPlugins(deps.config),
          policy: readPolicy(deps.config),
          displayNameOf: async userRef => {
            try {
              const entity = await deps.catalog.getEntityByRef(userRef, {
                credentials: await deps.auth.getOwnServiceCredentials(),
              });
              const profile = entity?.spec?.profile as
                | { displayName?: string }
                | undefined;
              return profile?.displayName ?? entity?.metadata.name ?? userRef;
            } catch {
              return userRef;
            }
          },
        });

        const scheduleConfig = deps.config.getOptional(
          'personalData.retention.schedule',
        );
        await deps.scheduler.scheduleTask({
          id: 'personal-data-retention',
          ...(scheduleConfig
            ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
                deps.config.getConfig('personalData.retention.schedule'),
              )
            : {
                frequency: { cron: '30 2 * * *' },
                timeout: { hours: 1 },
              }),
          // Once across replicas, whatever the config says.
          scope: 'global',
          fn: async () => {
            await service.applyRetention({ trigger: 'schedule' });
          },
        });
        // An erasure that stopped (a plugin did not answer, a replica went
        // down) is resumed where it stopped.
        const resumeConfig = deps.config.getOptionalConfig(
          'personalData.erasure.resumeSchedule',
        );
        await deps.scheduler.scheduleTask({
          id: 'personal-data-resume-erasures',
          ...(resumeConfig
            ? readSchedulerServiceTaskScheduleDefinitionFromConfig(resumeConfig)
            : {
                frequency: { minutes: 5 },
                timeout: { minutes: 30 },
                initialDelay: { minutes: 1 },
              }),
          scope: 'global',
          fn: async () => {
            const resumed = await service.resumeErasures();
            if (resumed) {
              deps.logger.info(`Resumed and completed ${resumed} erasures`);
            }
          },
        });

        deps.httpRouter.use(
          await createRouter({
            ...deps,
            store,
            service,
            consentSource:
              deps.config.getOptionalString('personalData.consentPlugin') ??
              'peer-directory',
          }),
        );
      },
    });
  },
});
