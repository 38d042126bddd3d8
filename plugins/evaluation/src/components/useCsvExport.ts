import { useApi } from '@backstage/frontend-plugin-api';
import { MetricsQuery } from '@internal/plugin-evaluation-common';
import { errorMessage } from '@internal/plugin-portal-react';
import { useState } from 'react';
import { evaluationApiRef } from '../api/EvaluationApi';
import { useLabels } from './labels';

/**
 * Downloads the CSV export of a query, in the language of the screen, and
 * keeps the error of the last attempt.
 */
export function useCsvExport() {
  const api = useApi(evaluationApiRef);
  const { language } = useLabels();
  const [error, setError] = useState<string>();
  const download = async (query: Partial<MetricsQuery>) => {
    setError(undefined);
    try {
      const { blob, fileName } = await api.exportCsv(query, language);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      a.click();
      URL.revokeObjectURL(url);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return { download, error };
}
