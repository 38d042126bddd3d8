import { Content, Header, Page } from '@backstage/core-components';
import {
  identityApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { HomePageLayoutProps } from '@backstage/plugin-home-react/alpha';
import { rolesFromOwnershipRefs } from '@internal/plugin-portal-common';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useEffect, useState } from 'react';
import { portalTranslationRef } from '../../translation';

function useGreeting() {
  const identityApi = useApi(identityApiRef);
  const { t } = useTranslationRef(portalTranslationRef);
  const [state, setState] = useState<{ name?: string; roles: string[] }>({
    roles: [],
  });
  useEffect(() => {
    let cancelled = false;
    Promise.all([
      identityApi.getProfileInfo(),
      identityApi.getBackstageIdentity(),
    ]).then(([profile, identity]) => {
      if (!cancelled) {
        setState({
          name: profile.displayName,
          roles: rolesFromOwnershipRefs(identity.ownershipEntityRefs).map(r =>
            t(`roles.${r}`),
          ),
        });
      }
    });
    return () => {
      cancelled = true;
    };
  }, [identityApi, t]);
  return state;
}

/** The shell's own widgets first, then the plugins' in the order installed. */
function portalWidgetsFirst(widgets: HomePageLayoutProps['widgets']) {
  const own = (w: (typeof widgets)[number]) =>
    w.name?.startsWith('Portal') ? 0 : 1;
  return [...widgets].sort((a, b) => own(a) - own(b));
}

/**
 * The home page: a greeting with the person's roles, then every widget that
 * the installed plugins contribute, in a simple responsive grid (a
 * drag-and-drop grid is hard to use with a keyboard or screen reader).
 */
export function HomeLayout(props: HomePageLayoutProps) {
  const { t } = useTranslationRef(portalTranslationRef);
  const { name, roles } = useGreeting();
  return (
    <Page themeId="home">
      <Header
        title={name ? `${t('home.greeting')}, ${name}` : t('home.greeting')}
        subtitle={
          roles.length
            ? t('home.yourRoles', { roles: roles.join(', ') })
            : t('home.noRoles')
        }
        pageTitleOverride={t('app.title')}
      />
      <Content>
        <Typography paragraph style={{ maxWidth: '60em' }}>
          {t('home.intro')}
        </Typography>
        <Grid container spacing={3}>
          {portalWidgetsFirst(props.widgets).map((widget, index) => (
            <Grid
              item
              xs={12}
              md={widget.layout?.width?.defaultColumns === 12 ? 12 : 6}
              key={widget.name ?? index}
            >
              {widget.component}
            </Grid>
          ))}
        </Grid>
      </Content>
    </Page>
  );
}
