import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import {
  ConsentChangeList,
  ErasureRequest,
  ErasureRequestList,
  MyPersonalData,
  PersonalDataExport,
  RetentionRun,
  RetentionRunList,
} from '@internal/plugin-personal-data-common';
import { PluginHttp, queryString } from '@internal/plugin-portal-react';
import { ErasureRequestFilter, PersonalDataApi } from './PersonalDataApi';

/** Talks to /api/personal-data with the signed-in person's token. @public */
export class PersonalDataClient implements PersonalDataApi {
  private readonly http: PluginHttp;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.http = new PluginHttp('personal-data', options);
  }

  me(): Promise<MyPersonalData> {
    return this.http.json('/me');
  }

  exportMine(): Promise<PersonalDataExport> {
    return this.http.json('/me/export');
  }

  requestErasure(): Promise<ErasureRequest> {
    return this.http.json('/me/erasure-requests', { method: 'POST', body: {} });
  }

  withdrawErasureRequest(id: string): Promise<ErasureRequest> {
    return this.http.json(
      `/me/erasure-requests/${encodeURIComponent(id)}/withdraw`,
      { method: 'POST', body: {} },
    );
  }

  listErasureRequests(
    filter: ErasureRequestFilter,
  ): Promise<ErasureRequestList> {
    return this.http.json(`/erasure-requests${queryString(filter)}`);
  }

  confirmErasure(id: string): Promise<ErasureRequest> {
    return this.http.json(
      `/erasure-requests/${encodeURIComponent(id)}/confirm`,
      { method: 'POST', body: {} },
    );
  }

  rejectErasure(id: string, reason: string): Promise<ErasureRequest> {
    return this.http.json(
      `/erasure-requests/${encodeURIComponent(id)}/reject`,
      {
        method: 'POST',
        body: { reason },
      },
    );
  }

  runErasure(id: string): Promise<ErasureRequest> {
    return this.http.json(`/erasure-requests/${encodeURIComponent(id)}/run`, {
      method: 'POST',
      body: {},
    });
  }

  listConsentChanges(filter: {
    months?: number;
    cursor?: string;
  }): Promise<ConsentChangeList> {
    return this.http.json(`/consent-changes${queryString(filter)}`);
  }

  listRetentionRuns(): Promise<RetentionRunList> {
    return this.http.json('/retention/runs');
  }

  applyRetention(): Promise<RetentionRun> {
    return this.http.json('/retention/runs', { method: 'POST', body: {} });
  }
}
