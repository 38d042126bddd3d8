import { useCallback, useEffect, useState } from 'react';
import {
  IdentityApi,
  SignInPageProps,
  discoveryApiRef,
  microsoftAuthApiRef,
  useApi,
} from '@backstage/core-plugin-api';
import {
  Content,
  Header,
  Page,
  Progress,
  ProxiedSignInPage,
  SignInPage,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { PORTAL_ROLES, PortalRole } from '@internal/plugin-portal-common';
import Button from '@material-ui/core/Button';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { Alert } from '@material-ui/lab';
import { makeStyles } from '@material-ui/core/styles';
import { portalTranslationRef } from '../translation';
import { LanguageSwitch } from './LanguageSwitch';

/** Where the chosen demo user is remembered between page loads. */
export const DEMO_USER_STORAGE_KEY = 'peer-portal:demo-user';

type DemoUser = {
  username: string;
  displayName: string;
  title?: string;
  roles: PortalRole[];
};

type UsersState =
  | { status: 'loading' }
  | { status: 'loaded'; users: DemoUser[] }
  | { status: 'unavailable' }
  | { status: 'error'; error: Error };

const useStyles = makeStyles(theme => ({
  userButton: {
    justifyContent: 'flex-start',
    textAlign: 'left',
    textTransform: 'none',
    marginBottom: theme.spacing(1),
    width: '100%',
  },
  userTitle: {
    display: 'block',
    fontSize: '0.85rem',
    color: theme.palette.text.secondary,
  },
  roleCard: { height: '100%' },
  visuallyHidden: {
    position: 'absolute',
    width: 1,
    height: 1,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
  intro: { marginBottom: theme.spacing(3), maxWidth: '60em' },
}));

function useDemoUsers(): [UsersState, () => void] {
  const discoveryApi = useApi(discoveryApiRef);
  const [state, setState] = useState<UsersState>({ status: 'loading' });
  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      const baseUrl = await discoveryApi.getBaseUrl('auth');
      const response = await fetch(`${baseUrl}/demo/users`);
      if (response.status === 404) {
        setState({ status: 'unavailable' });
        return;
      }
      if (!response.ok) {
        throw new Error(`${response.status} ${response.statusText}`);
      }
      const body = (await response.json()) as { users: DemoUser[] };
      setState({ status: 'loaded', users: body.users });
    } catch (error) {
      setState({ status: 'error', error: error as Error });
    }
  }, [discoveryApi]);
  useEffect(() => {
    load();
  }, [load]);
  return [state, load];
}

function forgetOnSignOut(
  identity: IdentityApi,
  forget: () => void,
): IdentityApi {
  return {
    getProfileInfo: () => identity.getProfileInfo(),
    getBackstageIdentity: () => identity.getBackstageIdentity(),
    getCredentials: () => identity.getCredentials(),
    signOut: async () => {
      forget();
      await identity.signOut();
    },
  };
}

/**
 * Sign-in page: lists the demo users by role when the backend offers demo
 * sign-in, and otherwise signs in with the region's Microsoft Entra ID.
 */
export function DemoSignInPage(props: SignInPageProps) {
  const { t } = useTranslationRef(portalTranslationRef);
  const [chosen, setChosen] = useState<string | null>(() =>
    window.localStorage.getItem(DEMO_USER_STORAGE_KEY),
  );
  const forget = useCallback(() => {
    window.localStorage.removeItem(DEMO_USER_STORAGE_KEY);
    setChosen(null);
  }, []);

  if (chosen) {
    return (
      <ProxiedSignInPage
        provider="demo"
        headers={{ 'x-demo-user': chosen }}
        onSignInSuccess={identity =>
          props.onSignInSuccess(forgetOnSignOut(identity, forget))
        }
        ErrorComponent={({ error }) => (
          <SignInFrame>
            <Alert severity="error" role="alert">
              <strong>{t('signIn.failed')}</strong>: {error?.message}
            </Alert>
            <Button variant="contained" color="primary" onClick={forget}>
              {t('signIn.chooseAnother')}
            </Button>
          </SignInFrame>
        )}
      />
    );
  }
  return (
    <DemoUserPicker
      signInPageProps={props}
      onChoose={username => {
        window.localStorage.setItem(DEMO_USER_STORAGE_KEY, username);
        setChosen(username);
      }}
    />
  );
}

function SignInFrame(props: { children: React.ReactNode }) {
  const { t } = useTranslationRef(portalTranslationRef);
  return (
    <Page themeId="home">
      <Header title={t('app.title')} subtitle={t('app.tagline')}>
        <LanguageSwitch />
      </Header>
      <Content>
        <main>
          <Typography variant="h2" component="h2" gutterBottom>
            {t('signIn.title')}
          </Typography>
          {props.children}
        </main>
      </Content>
    </Page>
  );
}

function DemoUserPicker(props: {
  signInPageProps: SignInPageProps;
  onChoose: (username: string) => void;
}) {
  const classes = useStyles();
  const { t } = useTranslationRef(portalTranslationRef);
  const [state, reload] = useDemoUsers();

  if (state.status === 'unavailable') {
    return (
      <SignInPage
        {...props.signInPageProps}
        title={t('app.title')}
        align="center"
        providers={[
          {
            id: 'microsoft-auth-provider',
            title: t('signIn.organisationSignIn'),
            message: t('signIn.organisationSignInDescription'),
            apiRef: microsoftAuthApiRef,
          },
        ]}
      />
    );
  }

  return (
    <SignInFrame>
      <Typography className={classes.intro}>{t('signIn.intro')}</Typography>
      <Alert severity="info" className={classes.intro}>
        {t('signIn.demoNotice')}
      </Alert>
      {state.status === 'loading' && (
        <div aria-live="polite">
          <Typography>{t('signIn.loading')}</Typography>
          <Progress />
        </div>
      )}
      {state.status === 'error' && (
        <Alert
          severity="error"
          role="alert"
          action={<Button onClick={reload}>{t('signIn.retry')}</Button>}
        >
          {t('signIn.failed')}: {state.error.message}
        </Alert>
      )}
      {state.status === 'loaded' && state.users.length === 0 && (
        <Alert
          severity="warning"
          action={<Button onClick={reload}>{t('signIn.retry')}</Button>}
        >
          {t('signIn.noUsers')}
        </Alert>
      )}
      {state.status === 'loaded' && state.users.length > 0 && (
        <Grid container spacing={3}>
          {PORTAL_ROLES.map(role => {
            const users = state.users.filter(u => u.roles.includes(role));
            if (users.length === 0) {
              return null;
            }
            const headingId = `demo-role-${role}`;
            return (
              <Grid item xs={12} sm={6} md={4} key={role}>
                <Card
                  className={classes.roleCard}
                  component="section"
                  aria-labelledby={headingId}
                >
                  <CardContent>
                    <Typography variant="h5" component="h3" id={headingId}>
                      {t(`roles.${role}`)}
                    </Typography>
                    <Typography variant="body2" color="textSecondary" paragraph>
                      {t(`roleDescriptions.${role}`)}
                    </Typography>
                    {users.map(user => (
                      <Button
                        key={user.username}
                        variant="outlined"
                        className={classes.userButton}
                        data-testid={`demo-user-${user.username}`}
                        onClick={() => props.onChoose(user.username)}
                      >
                        <span>
                          <span className={classes.visuallyHidden}>
                            {t('signIn.signInAs')}
                          </span>{' '}
                          {user.displayName}
                          {user.title && (
                            <span className={classes.userTitle}>
                              {user.title}
                            </span>
                          )}
                        </span>
                      </Button>
                    ))}
                  </CardContent>
                </Card>
              </Grid>
            );
          })}
        </Grid>
      )}
    </SignInFrame>
  );
}
