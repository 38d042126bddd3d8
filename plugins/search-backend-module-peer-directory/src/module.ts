import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { PEER_DIRECTORY_PROFILES_TOPIC } from '@internal/plugin-peer-directory-common';
import { IndexRefresher } from './IndexRefresher';
import { PeerDirectoryCollatorFactory } from './PeerDirectoryCollatorFactory';

/**
 * Adds the peer directory to Backstage search: names, roles, regions, units,
 * languages and support modes; never lived experience. Indexed every 10
 * minutes, and at once when the directory publishes that its listing
 * changed (a profile edited, a person erased).
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
        events: eventsServiceRef,
      },
      async init({
        indexRegistry,
        scheduler,
        discovery,
        auth,
        logger,
        events,
      }) {
        indexRegistry.addCollator({
          schedule: scheduler.createScheduledTaskRunner({
            frequency: { minutes: 10 },
            timeout: { minutes: 5 },
            initialDelay: { seconds: 15 },
          }),
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
