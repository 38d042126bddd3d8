import { Content, Header, HeaderTabs, Page } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  AssignmentView,
  assignmentCreatePermission,
  assignmentInterestPermission,
  assignmentManagePermission,
  assignmentReadPermission,
  honorariumExportPermission,
} from '@internal/plugin-assignments-common';
import { Alert } from '@material-ui/lab';
import { Navigate, Route, Routes, useNavigate } from 'react-router-dom';
import { assignmentsTranslationRef } from '../translation';
import { AssignmentList } from './AssignmentList';
import { AssignmentPage } from './AssignmentPage';
import { BookingFormPage } from './BookingFormPage';
import { HonorariaTab } from './HonorariaTab';

type TabId = 'board' | 'mine' | 'unit' | 'review' | 'all' | 'honoraria';
const TAB_PATHS: Record<TabId, string> = {
  board: '',
  mine: 'mine',
  unit: 'unit',
  review: 'review',
  all: 'all',
  honoraria: 'honoraria',
};

/** The tabs each person sees, by what they may do. */
function useTabs(): { tabs: TabId[]; loading: boolean; read: boolean } {
  const read = usePermission({ permission: assignmentReadPermission });
  const create = usePermission({ permission: assignmentCreatePermission });
  const interest = usePermission({ permission: assignmentInterestPermission });
  const manage = usePermission({ permission: assignmentManagePermission });
  const exportHonoraria = usePermission({
    permission: honorariumExportPermission,
  });
  const tabs: TabId[] = ['board'];
  if (interest.allowed) tabs.push('mine');
  if (create.allowed) tabs.push('unit');
  if (manage.allowed) tabs.push('review', 'all');
  if (manage.allowed || exportHonoraria.allowed) tabs.push('honoraria');
  return {
    tabs,
    loading:
      read.loading ||
      create.loading ||
      interest.loading ||
      manage.loading ||
      exportHonoraria.loading,
    read: read.allowed,
  };
}

function Tabbed(props: { tab: TabId }) {
  const { t } = useTranslationRef(assignmentsTranslationRef);
  const navigate = useNavigate();
  const { tabs, loading, read } = useTabs();
  const known = tabs.includes(props.tab);
  return (
    <Page themeId="home">
      <Header
        title={t('title')}
        subtitle={t('subtitle')}
        pageTitleOverride={t('title')}
      />
      <HeaderTabs
        selectedIndex={Math.max(0, tabs.indexOf(props.tab))}
        onChange={index =>
          navigate(`/assignments/${TAB_PATHS[tabs[index]]}`.replace(/\/$/, ''))
        }
        tabs={tabs.map(id => ({ id, label: t(`tabs.${id}`) }))}
      />
      <Content>
        {!loading && !read && (
          <Alert severity="warning">{t('error', { message: '403' })}</Alert>
        )}
        {read && !loading && !known && <Navigate to="/assignments" replace />}
        {read && known && props.tab === 'honoraria' && <HonorariaTab />}
        {read && known && props.tab !== 'honoraria' && (
          <AssignmentList key={props.tab} view={props.tab as AssignmentView} />
        )}
      </Content>
    </Page>
  );
}

/** The assignment board's page, with its tabs and sub-pages. @public */
export function AssignmentsPage() {
  return (
    <Routes>
      <Route path="new" element={<BookingFormPage />} />
      {(Object.keys(TAB_PATHS) as TabId[])
        .filter(tab => tab !== 'board')
        .map(tab => (
          <Route
            key={tab}
            path={TAB_PATHS[tab]}
            element={<Tabbed tab={tab} />}
          />
        ))}
      <Route path=":id/edit" element={<BookingFormPage />} />
      <Route path=":id" element={<AssignmentPage />} />
      <Route path="*" element={<Tabbed tab="board" />} />
    </Routes>
  );
}
