import {
  coreServices,
  createBackendModule,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  RootConfigService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { PEER_DIRECTORY_PROFILES_TOPIC } from '@internal/plugin-peer-directory-common';
import { IndexRefresher } from './IndexRefresher';
import { PeerDirectoryCollatorFactory } from './PeerDirectoryCollatorFactory';

/**
 * Adds the peer directory to Backstage search: names, roles, regions, units,
 * languages and support modes; never lived experience. Indexed on a
 * schedule (`search.collators.peerDirectory.schedule`, default every 10
 * minutes, first 15 s after start), and at once when the directory
 * publishes that its listing changed (a profile edited, a person erased).
 *
 * @public
 */
export const searchModulePeerDirectory = createBackendModule({
  pluginId: 'search',
  moduleId: 'peer-directory-collator',
  register(reg) {
    reg.registerInit({
      deps: {
        indexRegistry: searchIndexRegistryExtensionPoint,
        scheduler: coreServices.scheduler,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        logger: coreServices.logger,
        config: coreServices.rootConfig,
        events: eventsServiceRef,
      },
      async init({
        indexRegistry,
        config,
        scheduler,
        discovery,
        auth,
        logger,
        events,
      }) {
        indexRegistry.addCollator({
          schedule: scheduler.createScheduledTaskRunner(schedule(config)),
          factory: new PeerDirectoryCollatorFactory({ discovery, auth }),
        });
        const refresher = new IndexRefresher({ scheduler, logger });
        await events.subscribe({
          id: 'search-peer-directory-refresh',
          topics: [PEER_DIRECTORY_PROFILES_TOPIC],
          onEvent: async () => {
            // Not awaited: a busy index must not hold up the event bus.
            refresher.refresh();
          },
        });
      },
    });
  },
});

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 10 },
  timeout: { minutes: 5 },
  initialDelay: { seconds: 15 },
};

function schedule(config: RootConfigService) {
  const own = config.getOptionalConfig(
    'search.collators.peerDirectory.schedule',
  );
  return own
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(own)
    : DEFAULT_SCHEDULE;
}
