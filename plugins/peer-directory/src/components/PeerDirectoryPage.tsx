import { Content, Header, Page, RoutedTabs } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  peerDirectoryManagePermission,
  peerDirectoryReadPermission,
} from '@internal/plugin-peer-directory-common';
import { Alert } from '@material-ui/lab';
import { Route, Routes } from 'react-router-dom';
import { peerDirectoryTranslationRef } from '../translation';
import { CoverageTab } from './CoverageTab';
import { FindTab } from './FindTab';
import { MineTab } from './MineTab';
import { OnboardingTab } from './OnboardingTab';
import { ProfilePage } from './ProfilePage';

function DirectoryTabs() {
  const { t } = useTranslationRef(peerDirectoryTranslationRef);
  const manage = usePermission({ permission: peerDirectoryManagePermission });
  const read = usePermission({ permission: peerDirectoryReadPermission });
  const routes = [
    { path: '/', title: t('tabs.find'), children: <FindTab /> },
    { path: '/me', title: t('tabs.mine'), children: <MineTab /> },
    { path: '/coverage', title: t('tabs.coverage'), children: <CoverageTab /> },
    ...(manage.allowed
      ? [
          {
            path: '/onboarding',
            title: t('tabs.onboarding'),
            children: <OnboardingTab />,
          },
        ]
      : []),
  ];
  return (
    <Page themeId="home">
      <Header
        title={t('title')}
        subtitle={t('subtitle')}
        pageTitleOverride={t('title')}
      />
      <Content>
        {!read.loading && !read.allowed ? (
          <Alert severity="warning">{t('error', { message: '403' })}</Alert>
        ) : (
          <RoutedTabs routes={routes} />
        )}
      </Content>
    </Page>
  );
}

/** The peer directory's page, with its sub-pages. @public */
export function PeerDirectoryPage() {
  return (
    <Routes>
      <Route path="profile/:id" element={<ProfilePage />} />
      <Route path="*" element={<DirectoryTabs />} />
    </Routes>
  );
}
