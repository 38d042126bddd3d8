import { Content, Header, Link, Page } from '@backstage/core-components';
import {
  appLanguageApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import Typography from '@material-ui/core/Typography';
import { Alert } from '@material-ui/lab';
import { ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { peerDirectoryApiRef } from '../api/PeerDirectoryApi';
import { Pending } from './Pending';
import { useLoad } from '@internal/plugin-portal-react';
import { peerDirectoryTranslationRef } from '../translation';
import { formatDate } from './formatDate';
import { useGroupTitles } from '@internal/plugin-portal-react';

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
  const { state } = useLoad(() => api.getProfile(id ?? ''), [api, id]);
  const notFound =
    state.status === 'error' &&
    (state.httpStatus === 404 || state.httpStatus === 400);

  const title = state.status === 'done' ? state.value.displayName : t('title');
  return (
    <Page themeId="home">
      <Header
        title={title}
        subtitle={t('subtitle')}
        pageTitleOverride={title}
      />
      <Content>
        <Link to="../..">{t('profile.back')}</Link>
        {notFound ? (
          <Alert severity="info" role="alert" style={{ marginTop: 16 }}>
            {t('profile.notFound')}
          </Alert>
        ) : (
          <Pending state={state} />
        )}
        {state.status === 'done' && (
          <Card style={{ marginTop: 16 }}>
            <CardContent>
              <Typography variant="h5" component="h2" gutterBottom>
                {t(`roles.${state.value.role}`)} ·{' '}
                {state.value.availability === 'paused' &&
                state.value.pausedUntil
                  ? t('availability.pausedUntil', {
                      date: formatDate(state.value.pausedUntil, language),
                    })
                  : t(`availability.${state.value.availability}`)}
              </Typography>
              <dl>
                <Field label={t('profile.region')}>
                  {groups.title(state.value.region)}
                </Field>
                {state.value.units.length > 0 && (
                  <Field label={t('profile.units')}>
                    {state.value.units.map(groups.title).join(', ')}
                  </Field>
                )}
                <Field label={t('profile.languages')}>
                  {state.value.languages
                    .map(l => t(`languages.${l}`))
                    .join(', ')}
                </Field>
                {state.value.supportModes.length > 0 && (
                  <Field label={t('profile.modes')}>
                    {state.value.supportModes
                      .map(m => t(`modes.${m}`))
                      .join(', ')}
                  </Field>
                )}
                {state.value.topics.length > 0 && (
                  <Field label={t('profile.topics')}>
                    {state.value.topics.map(x => t(`topics.${x}`)).join(', ')}
                  </Field>
                )}
                {state.value.assignmentTypes.length > 0 && (
                  <Field label={t('profile.assignmentTypes')}>
                    {state.value.assignmentTypes
                      .map(x => t(`assignmentTypes.${x}`))
                      .join(', ')}
                  </Field>
                )}
                {state.value.trainings.length > 0 && (
                  <Field label={t('profile.trainings')}>
                    {state.value.trainings
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
                {state.value.experience && (
                  <Field label={t('profile.experience')}>
                    {state.value.experience
                      .map(e => t(`experiences.${e}`))
                      .join(', ')}
                  </Field>
                )}
                {state.value.story && (
                  <Field label={t('profile.story')}>{state.value.story}</Field>
                )}
              </dl>
              {(state.value.experience || state.value.story) && (
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
