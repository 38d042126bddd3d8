import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  search?: {
    collators?: {
      peerDirectory?: {
        /**
         * When the peer directory is indexed for search (default: every 10
         * minutes, first 15 seconds after start). The directory also asks
         * for a new index whenever its listing changes.
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };
  };
}
