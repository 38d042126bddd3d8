import { createApiRef } from '@backstage/frontend-plugin-api';
import {
  ConsentChangeList,
  ErasureRequest,
  ErasureRequestList,
  ErasureStatus,
  MyPersonalData,
  PersonalDataExport,
  RetentionRun,
  RetentionRunList,
} from '@internal/plugin-personal-data-common';

/** Filters of the coordinators' list of erasure requests. @public */
export type ErasureRequestFilter = {
  status?: ErasureStatus;
  months?: number;
  cursor?: string;
};

/** The personal-data service, as the frontend uses it. @public */
export interface PersonalDataApi {
  me(): Promise<MyPersonalData>;
  exportMine(): Promise<PersonalDataExport>;
  requestErasure(): Promise<ErasureRequest>;
  /** The person withdraws their own pending request. */
  withdrawErasureRequest(id: string): Promise<ErasureRequest>;
  listErasureRequests(
    filter: ErasureRequestFilter,
  ): Promise<ErasureRequestList>;
  confirmErasure(id: string): Promise<ErasureRequest>;
  rejectErasure(id: string, reason: string): Promise<ErasureRequest>;
  runErasure(id: string): Promise<ErasureRequest>;
  listConsentChanges(filter: {
    months?: number;
    cursor?: string;
  }): Promise<ConsentChangeList>;
  listRetentionRuns(): Promise<RetentionRunList>;
  applyRetention(): Promise<RetentionRun>;
}

/** @public */
export const personalDataApiRef = createApiRef<PersonalDataApi>().with({
  id: 'plugin.personal-data',
  pluginId: 'personal-data',
});
