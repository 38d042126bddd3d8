import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { PeerDirectoryCollatorFactory } from './PeerDirectoryCollatorFactory';

/**
 * Adds the peer directory to Backstage search: names, roles, regions, units,
 * languages and support modes; never lived experience.
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
      },
      async init({ indexRegistry, scheduler, discovery, auth }) {
        indexRegistry.addCollator({
          schedule: scheduler.createScheduledTaskRunner({
            frequency: { minutes: 10 },
            timeout: { minutes: 5 },
            initialDelay: { seconds: 15 },
          }),
          factory: new PeerDirectoryCollatorFactory({ discovery, auth }),
        });
      },
    });
  },
});
