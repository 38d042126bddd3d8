import {
  PageBlueprint,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { RequirePermission } from '@backstage/plugin-permission-react';
import { Link } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { Alert } from '@material-ui/lab';
import AccessibilityIcon from '@material-ui/icons/Accessibility';
import { AREAS, AreaDefinition } from '../../areas';
import { AccessibilityStatement } from '../../components/AccessibilityStatement';
import { PortalPage } from '../../components/PortalPage';
import { portalTranslationRef } from '../../translation';

/**
 * Until a feature plugin provides an area's page, the app shows this one at
 * the area's path. A plugin page with the same path replaces it.
 */
function AreaPlaceholderPage({ area }: { area: AreaDefinition }) {
  const { t } = useTranslationRef(portalTranslationRef);
  return (
    <RequirePermission permission={area.permission} errorPage={<NoAccess />}>
      <PortalPage title={t(`nav.${area.area}`)}>
        <Typography paragraph>{t(`areas.${area.area}`)}</Typography>
        <Alert severity="info">{t('areas.placeholder')}</Alert>
      </PortalPage>
    </RequirePermission>
  );
}

/** What a person sees on a page their role may not open. */
export function NoAccess() {
  const { t } = useTranslationRef(portalTranslationRef);
  return (
    <PortalPage title={t('noAccess.title')}>
      <Typography paragraph>{t('noAccess.body')}</Typography>
      <Link to="/">{t('noAccess.home')}</Link>
    </PortalPage>
  );
}

export const areaPages = AREAS.filter(area => area.placeholder).map(area =>
  PageBlueprint.make({
    name: area.path.slice(1),
    params: {
      path: area.path,
      title: area.area,
      noHeader: true,
      icon: <area.icon fontSize="inherit" />,
      loader: async () => <AreaPlaceholderPage area={area} />,
    },
  }),
);

function AccessibilityPage() {
  const { t } = useTranslationRef(portalTranslationRef);
  return (
    <PortalPage title={t('accessibility.title')}>
      <AccessibilityStatement />
    </PortalPage>
  );
}

export const accessibilityPage = PageBlueprint.make({
  name: 'accessibility',
  params: {
    path: '/accessibility',
    title: 'Accessibility statement',
    noHeader: true,
    icon: <AccessibilityIcon fontSize="inherit" />,
    loader: async () => <AccessibilityPage />,
  },
});
