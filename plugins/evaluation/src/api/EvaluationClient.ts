import { ResponseError } from '@backstage/errors';
import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { PluginHttp, queryString } from '@internal/plugin-portal-react';
import {
  EvaluationCapabilities,
  FilterOptions,
  ImportReport,
  MetricsQuery,
  MetricsResponse,
  OutcomeInput,
  OutcomeList,
  SupportSession,
  SupportSessionInput,
  UnitOutcomes,
} from '@internal/plugin-evaluation-common';
import { EvaluationApi } from './EvaluationApi';

/** Talks to /api/evaluation with the signed-in person's token. @public */
export class EvaluationClient implements EvaluationApi {
  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.http = new PluginHttp('evaluation', options);
  }

  private readonly http: PluginHttp;

  me(): Promise<EvaluationCapabilities> {
    return this.http.json('/me');
  }

  metrics(query: Partial<MetricsQuery>): Promise<MetricsResponse> {
    return this.http.json(`/metrics${queryString(query)}`);
  }

  filters(): Promise<FilterOptions> {
    return this.http.json('/filters');
  }

  async exportCsv(
    query: Partial<MetricsQuery>,
    lang: 'sv' | 'en' = 'sv',
  ): Promise<{ blob: Blob; fileName: string }> {
    const res = await this.http.request(
      `/export.csv${queryString({ ...query, lang })}`,
    );
    const fileName =
      /filename="([^"]+)"/.exec(
        res.headers.get('Content-Disposition') ?? '',
      )?.[1] ??
      `${lang === 'en' ? 'evaluation' : 'utvardering'}-${
        query.groupBy ?? 'month'
      }.csv`;
    return { blob: await res.blob(), fileName };
  }

  logSession(session: SupportSessionInput): Promise<SupportSession> {
    return this.http.json('/support-sessions', {
      method: 'POST',
      body: session,
    });
  }

  ownSessions(): Promise<{ items: SupportSession[] }> {
    return this.http.json('/support-sessions/mine');
  }

  outcomes(query: { region?: string; unit?: string }): Promise<OutcomeList> {
    return this.http.json(`/outcomes${queryString(query)}`);
  }

  saveOutcome(outcome: OutcomeInput): Promise<UnitOutcomes> {
    return this.http.json('/outcomes', { method: 'POST', body: outcome });
  }

  async importOutcomes(csv: string): Promise<ImportReport> {
    try {
      return await (
        await this.http.request('/outcomes/import', {
          method: 'POST',
          text: { content: csv, contentType: 'text/csv' },
        })
      ).json();
    } catch (error) {
      // A rejected file is a 400 that carries the report of its rows.
      const body = (error as ResponseError).body as unknown as
        | Partial<ImportReport>
        | undefined;
      if (error instanceof ResponseError && Array.isArray(body?.rejected)) {
        return { imported: 0, rejected: body!.rejected! };
      }
      throw error;
    }
  }
}
