import { ReactNode } from 'react';
import { Content, Header, Page } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { portalTranslationRef } from '../translation';

/** A page of the portal: header with the page's title, then its content. */
export function PortalPage(props: {
  title: string;
  subtitle?: string;
  children: ReactNode;
}) {
  const { t } = useTranslationRef(portalTranslationRef);
  return (
    <Page themeId="home">
      <Header
        title={props.title}
        subtitle={props.subtitle ?? t('app.title')}
        pageTitleOverride={`${props.title} – ${t('app.title')}`}
      />
      <Content>{props.children}</Content>
    </Page>
  );
}
