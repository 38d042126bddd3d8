import {
  appLanguageApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { assignmentTypeTitle } from '@internal/plugin-assignments-common';
import { MetricGroupBy } from '@internal/plugin-evaluation-common';
import { useGroupTitles } from '@internal/plugin-portal-react';
import { useMemo } from 'react';
import { evaluationTranslationRef } from '../translation';

/**
 * How the dashboard names what the API gives as codes: units and regions by
 * their catalog titles, assignment types (as the board names them), months
 * and quarters in the reader's language.
 */
export function useLabels() {
  const { t } = useTranslationRef(evaluationTranslationRef);
  const titles = useGroupTitles();
  const language = useApi(appLanguageApiRef).getLanguage().language;
  const monthFormat = useMemo(
    () =>
      new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'sv-SE', {
        month: 'short',
        year: 'numeric',
        timeZone: 'UTC',
      }),
    [language],
  );
  const month = (key: string) => {
    const [year, m] = key.split('-').map(Number);
    if (!year || !m) return key;
    return monthFormat.format(Date.UTC(year, m - 1, 15));
  };
  const type = (code: string) => assignmentTypeTitle(code, language);
  return {
    language: language === 'en' ? ('en' as const) : ('sv' as const),
    title: titles.title,
    regions: titles.regions,
    unitsOf: titles.unitsOf,
    type,
    month,
    /** The name of a group of a breakdown or trend. */
    group: (groupBy: MetricGroupBy, key: string) => {
      switch (groupBy) {
        case 'month':
          return month(key);
        case 'quarter': {
          const match = /^(\d{4})-Q(\d)$/.exec(key);
          return match
            ? t('quarter', { year: match[1], quarter: match[2] })
            : key;
        }
        case 'type':
          return type(key);
        default:
          return titles.title(key);
      }
    },
  };
}
