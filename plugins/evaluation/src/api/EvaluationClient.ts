import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
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

function search(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Talks to /api/evaluation with the signed-in person's token. @public */
export class EvaluationClient implements EvaluationApi {
  constructor(
    private readonly options: {
      discoveryApi: DiscoveryApi;
      fetchApi: FetchApi;
    },
  ) {}

  private async request(
    path: string,
    init?: { method: string; body?: unknown; text?: string },
  ): Promise<Response> {
    const base = await this.options.discoveryApi.getBaseUrl('evaluation');
    const headers: Record<string, string> = {};
    let body: string | undefined;
    if (init?.text !== undefined) {
      headers['Content-Type'] = 'text/csv';
      body = init.text;
    } else if (init?.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(init.body);
    }
    const res = await this.options.fetchApi.fetch(`${base}${path}`, {
      method: init?.method ?? 'GET',
      headers,
      body,
    });
    if (!res.ok) {
      throw await ResponseError.fromResponse(res);
    }
    return res;
  }

  private async call<T>(
    path: string,
    init?: { method: string; body?: unknown },
  ): Promise<T> {
    return (await (await this.request(path, init)).json()) as T;
  }

  me(): Promise<EvaluationCapabilities> {
    return this.call('/me');
  }

  metrics(query: Partial<MetricsQuery>): Promise<MetricsResponse> {
    return this.call(`/metrics${search(query)}`);
  }

  filters(): Promise<FilterOptions> {
    return this.call('/filters');
  }

  async exportCsv(query: Partial<MetricsQuery>): Promise<Blob> {
    return (await this.request(`/export.csv${search(query)}`)).blob();
  }

  logSession(session: SupportSessionInput): Promise<SupportSession> {
    return this.call('/support-sessions', { method: 'POST', body: session });
  }

  ownSessions(): Promise<{ items: SupportSession[] }> {
    return this.call('/support-sessions/mine');
  }

  outcomes(query: { region?: string; unit?: string }): Promise<OutcomeList> {
    return this.call(`/outcomes${search(query)}`);
  }

  saveOutcome(outcome: OutcomeInput): Promise<UnitOutcomes> {
    return this.call('/outcomes', { method: 'POST', body: outcome });
  }

  async importOutcomes(csv: string): Promise<ImportReport> {
    try {
      return await (
        await this.request('/outcomes/import', { method: 'POST', text: csv })
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
