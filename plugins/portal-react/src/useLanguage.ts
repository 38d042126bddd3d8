import { appLanguageApiRef, useApi } from '@backstage/frontend-plugin-api';
import { useEffect, useState } from 'react';

/**
 * The language currently chosen (`sv` or `en`), following changes.
 * @public
 */
export function useLanguage(): string {
  const languageApi = useApi(appLanguageApiRef);
  const [language, setLanguage] = useState(
    () => languageApi.getLanguage().language,
  );
  useEffect(() => {
    const subscription = languageApi
      .language$()
      .subscribe(next => setLanguage(next.language));
    return () => subscription.unsubscribe();
  }, [languageApi]);
  return language;
}
