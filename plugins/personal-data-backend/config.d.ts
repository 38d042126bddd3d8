import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  personalData?: {
    /**
     * The plugins that hold personal data (they mount personal-data-node's
     * routes), in the order an erasure runs through them. Default:
     * peer-directory, assignments, network-meetings, evaluation.
     */
    plugins?: string[];
    /**
     * The plugin whose API lists consent changes (GET /consent-changes,
     * service credentials). Default: peer-directory.
     */
    consentPlugin?: string;
    erasure?: {
      /**
       * When erasures that stopped half-way (a plugin was down) are run
       * again from where they stopped (default: every 5 minutes, first a
       * minute after start). Runs once across replicas.
       */
      resumeSchedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
    /** How long the portal keeps what people leave behind. */
    retention?: {
      /** Interest registrations nobody followed up: months (default 12). */
      interestNotFollowedUpMonths?: number;
      /** Needs given with an RSVP: days after the meeting (default 30). */
      rsvpNeedsAfterMeetingDays?: number;
      /** People who left the network: months after they left (default 24). */
      leftNetworkMonths?: number;
      /** Records of finished erasure requests: months (default 36). */
      erasureRecordsMonths?: number;
      /**
       * When the rules are applied (default: every day at 02:30, server
       * time). Runs once across replicas.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
  };
}
