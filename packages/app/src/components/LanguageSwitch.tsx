import { useEffect } from 'react';
import {
  appLanguageApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import Button from '@material-ui/core/Button';
import TranslateIcon from '@material-ui/icons/Translate';
import { useLanguage } from '@internal/plugin-portal-react';
import { portalTranslationRef } from '../translation';

/**
 * Switches between Swedish and English. The label is written in the other
 * language ("In English" / "På svenska") and marked with that language, so a
 * screen reader pronounces it right.
 */
export function LanguageSwitch(props: { className?: string }) {
  const languageApi = useApi(appLanguageApiRef);
  const language = useLanguage();
  const { t } = useTranslationRef(portalTranslationRef);
  const other = language === 'sv' ? 'en' : 'sv';
  return (
    <Button
      className={props.className}
      variant="outlined"
      size="small"
      color="inherit"
      startIcon={<TranslateIcon />}
      lang={other}
      onClick={() => languageApi.setLanguage(other)}
    >
      {t('nav.language')}
    </Button>
  );
}

/**
 * Keeps `<html lang>` equal to the chosen language (WCAG 3.1.1), and the
 * document title in that language.
 */
export function DocumentLanguage() {
  const language = useLanguage();
  const { t } = useTranslationRef(portalTranslationRef);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const title = t('app.title');
  useEffect(() => {
    document.title = title;
  }, [title]);
  return null;
}
