import {
  Content,
  Header,
  Link,
  Page,
  Progress,
} from '@backstage/core-components';
import {
  appLanguageApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { Profile } from '@internal/plugin-peer-directory-common';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import Typography from '@material-ui/core/Typography';
import { Alert } from '@material-ui/lab';
import { ReactNode, useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { peerDirectoryApiRef } from '../api/PeerDirectoryApi';
import { errorMessage } from './errorMessage';
import { peerDirectoryTranslationRef } from '../translation';
import { formatDate } from './formatDate';
import { useGroupTitles } from './useGroupTitles';

function Field(props: { label: string; children: ReactNode }) {
  return (
    <>
      <Typography component="dt" variant="subtitle2">
        {props.label}
      </Typography>
      <Typography
        component="dd"
        variant="body1"
        style={{ marginLeft: 0, marginBottom: 12 }}
      >
        {props.children}
      </Typography>
    </>
  );
}

/** One person's profile. Lived experience appears only if consented and the viewer is staff. */
export function ProfilePage() {
  const { id } = useParams();
  const api = useApi(peerDirectoryApiRef);
  const language = useApi(appLanguageApiRef).getLanguage().language;
  const { t } = useTranslationRef(peerDirectoryTranslationRef);
  const groups = useGroupTitles();
  const [state, setState] = useState<
    | { status: 'loading' }
    | { status: 'error'; message: string; notFound: boolean }
    | { status: 'done'; profile: Profile }
  >({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    api
      .getProfile(id ?? '')
      .then(profile => !cancelled && setState({ status: 'done', profile }))
      .catch(
        error =>
          !cancelled &&
          setState({
            status: 'error',
            message: errorMessage(error),
            notFound:
              error?.response?.status === 404 ||
              error?.response?.status === 400,
          }),
      );
    return () => {
      cancelled = true;
    };
  }, [api, id]);

  const title =
    state.status === 'done' ? state.profile.displayName : t('title');
  return (
    <Page themeId="home">
      <Header
        title={title}
        subtitle={t('subtitle')}
        pageTitleOverride={title}
      />
      <Content>
        <Link to="../..">{t('profile.back')}</Link>
        {state.status === 'loading' && <Progress />}
        {state.status === 'error' && (
          <Alert
            severity={state.notFound ? 'info' : 'error'}
            role="alert"
            style={{ marginTop: 16 }}
          >
            {state.notFound
              ? t('profile.notFound')
              : t('error', { message: state.message })}
          </Alert>
        )}
        {state.status === 'done' && (
          <Card style={{ marginTop: 16 }}>
            <CardContent>
              <Typography variant="h5" component="h2" gutterBottom>
                {t(`roles.${state.profile.role}`)} ·{' '}
                {state.profile.availability === 'paused' &&
                state.profile.pausedUntil
                  ? t('availability.pausedUntil', {
                      date: formatDate(state.profile.pausedUntil, language),
                    })
                  : t(`availability.${state.profile.availability}`)}
              </Typography>
              <dl>
                <Field label={t('profile.region')}>
                  {groups.title(state.profile.region)}
                </Field>
                {state.profile.units.length > 0 && (
                  <Field label={t('profile.units')}>
                    {state.profile.units.map(groups.title).join(', ')}
                  </Field>
                )}
                <Field label={t('profile.languages')}>
                  {state.profile.languages
                    .map(l => t(`languages.${l}`))
                    .join(', ')}
                </Field>
                {state.profile.supportModes.length > 0 && (
                  <Field label={t('profile.modes')}>
                    {state.profile.supportModes
                      .map(m => t(`modes.${m}`))
                      .join(', ')}
                  </Field>
                )}
                {state.profile.topics.length > 0 && (
                  <Field label={t('profile.topics')}>
                    {state.profile.topics.map(x => t(`topics.${x}`)).join(', ')}
                  </Field>
                )}
                {state.profile.assignmentTypes.length > 0 && (
                  <Field label={t('profile.assignmentTypes')}>
                    {state.profile.assignmentTypes
                      .map(x => t(`assignmentTypes.${x}`))
                      .join(', ')}
                  </Field>
                )}
                {state.profile.trainings.length > 0 && (
                  <Field label={t('profile.trainings')}>
                    {state.profile.trainings
                      .map(
                        tr =>
                          `${t(`trainings.${tr.kind}`)}, ${formatDate(
                            tr.completedOn,
                            language,
                          )}${
                            tr.certified ? ` (${t('profile.certified')})` : ''
                          }`,
                      )
                      .join('; ')}
                  </Field>
                )}
                {state.profile.experience && (
                  <Field label={t('profile.experience')}>
                    {state.profile.experience
                      .map(e => t(`experiences.${e}`))
                      .join(', ')}
                  </Field>
                )}
                {state.profile.story && (
                  <Field label={t('profile.story')}>
                    {state.profile.story}
                  </Field>
                )}
              </dl>
              {(state.profile.experience || state.profile.story) && (
                <Typography variant="body2" color="textSecondary">
                  {t('profile.consentNote')}
                </Typography>
              )}
            </CardContent>
          </Card>
        )}
      </Content>
    </Page>
  );
}
