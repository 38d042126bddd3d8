import { createApiRef } from '@backstage/frontend-plugin-api';
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

/** The evaluation's backend, as the frontend uses it. @public */
export interface EvaluationApi {
  me(): Promise<EvaluationCapabilities>;
  metrics(query: Partial<MetricsQuery>): Promise<MetricsResponse>;
  filters(): Promise<FilterOptions>;
  /**
   * The CSV export of the same query (headers and names in the given
   * language), as a file to save with the name the backend gives it.
   */
  exportCsv(
    query: Partial<MetricsQuery>,
    lang?: 'sv' | 'en',
  ): Promise<{ blob: Blob; fileName: string }>;
  logSession(session: SupportSessionInput): Promise<SupportSession>;
  ownSessions(): Promise<{ items: SupportSession[] }>;
  outcomes(query: { region?: string; unit?: string }): Promise<OutcomeList>;
  saveOutcome(outcome: OutcomeInput): Promise<UnitOutcomes>;
  /** Imports outcomes from CSV text: every row, or none with a report. */
  importOutcomes(csv: string): Promise<ImportReport>;
}

/** @public */
export const evaluationApiRef = createApiRef<EvaluationApi>().with({
  id: 'plugin.evaluation.api',
  pluginId: 'evaluation',
});
