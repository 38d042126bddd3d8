import { Content, Header, Link, Page } from '@backstage/core-components';
import { RequirePermission } from '@backstage/plugin-permission-react';
import { portalAreaPermissions } from '@internal/plugin-portal-common';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';
import { Route, Routes } from 'react-router-dom';
import { evaluationApiRef } from '../api/EvaluationApi';
import { evaluationTranslationRef } from '../translation';
import { Dashboard } from './Dashboard';
import { OutcomesAdmin } from './OutcomesAdmin';
import { ReportPage } from './ReportPage';
import { SessionForm } from './SessionForm';
import { useLoad } from '@internal/plugin-portal-react';

/** The evaluation, for the roles the portal's area permission lets in. */
export function EvaluationPage() {
  return (
    <RequirePermission
      permission={portalAreaPermissions.evaluation}
      errorPage={<NoAccess />}
    >
      <EvaluationPages />
    </RequirePermission>
  );
}

function NoAccess() {
  const { t } = useTranslationRef(evaluationTranslationRef);
  return (
    <Page themeId="home">
      <Header title={t('noAccess.title')} />
      <Content>
        <Typography paragraph>{t('noAccess.body')}</Typography>
        <Link to="/">{t('noAccess.home')}</Link>
      </Content>
    </Page>
  );
}

/** The evaluation: dashboard, report, session form and outcome indicators. */
function EvaluationPages() {
  const api = useApi(evaluationApiRef);
  const { t } = useTranslationRef(evaluationTranslationRef);
  const me = useLoad(() => api.me(), [api]).state;
  const caps = me.status === 'done' ? me.value : undefined;
  const forbidden = (ok: boolean | undefined, element: JSX.Element) =>
    ok ? element : <Typography role="alert">{t('forbidden')}</Typography>;
  return (
    <Page themeId="home">
      <Header title={t('title')} subtitle={t('subtitle')} />
      <Content>
        <Routes>
          <Route path="/" element={<Dashboard me={caps} />} />
          <Route path="/report" element={<ReportPage />} />
          <Route
            path="/sessions"
            element={
              caps
                ? forbidden(
                    caps.canLogSessions,
                    <Panel>
                      <SessionForm me={caps} />
                    </Panel>,
                  )
                : null
            }
          />
          <Route
            path="/outcomes"
            element={
              caps
                ? forbidden(
                    caps.canManageOutcomes,
                    <Panel>
                      <OutcomesAdmin />
                    </Panel>,
                  )
                : null
            }
          />
        </Routes>
      </Content>
    </Page>
  );
}

/** A form on white, so that its labels keep their contrast. */
function Panel(props: { children: ReactNode }) {
  return (
    <Paper variant="outlined" style={{ padding: 16 }}>
      {props.children}
    </Paper>
  );
}
