import { Content, Header, Link, Page } from '@backstage/core-components';
import {
  appLanguageApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { AssignmentDetails } from '@internal/plugin-assignments-common';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import Grid from '@material-ui/core/Grid';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Alert } from '@material-ui/lab';
import { ReactNode, useState } from 'react';
import { useLocation, useParams } from 'react-router-dom';
import { assignmentsApiRef } from '../api/AssignmentsApi';
import { assignmentsTranslationRef } from '../translation';
import { AssignmentActions } from './AssignmentActions';
import { Pending, StateChip, refName } from './common';
import { formatDateTime, formatDay, formatSlot } from './format';
import { errorMessage, useLoad } from '@internal/plugin-portal-react';
import { useGroupTitles as useGroups } from '@internal/plugin-portal-react';
import {
  CompleteForm,
  FeedbackForm,
  HonorariaTable,
  SelectionPanel,
} from './WorkPanels';

const useStyles = makeStyles(theme => ({
  // Sections sit on white paper: field labels and secondary text need it
  // for 4.5:1 contrast (WCAG 1.4.3).
  section: { marginTop: theme.spacing(3), padding: theme.spacing(2) },
  dl: {
    margin: 0,
    display: 'grid',
    gridTemplateColumns: 'minmax(120px, max-content) 1fr',
    columnGap: theme.spacing(3),
    rowGap: theme.spacing(1),
  },
  dd: { marginLeft: 0 },
  history: { listStyle: 'none', paddingLeft: 0 },
  historyItem: {
    borderLeft: `3px solid ${theme.palette.divider}`,
    paddingLeft: theme.spacing(2),
    paddingBottom: theme.spacing(1.5),
  },
  description: { whiteSpace: 'pre-wrap' },
}));

function Field(props: { label: string; children: ReactNode }) {
  const classes = useStyles();
  return (
    <>
      <Typography component="dt" variant="subtitle2">
        {props.label}
      </Typography>
      <Typography component="dd" variant="body1" className={classes.dd}>
        {props.children}
      </Typography>
    </>
  );
}

/** Where the page says what just happened: a change made, or why it failed. */
type Flash = { severity: 'success' | 'error'; message: string };

/** One assignment: every field, the caller's actions, selection, work, honoraria and history. */
export function AssignmentPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const api = useApi(assignmentsApiRef);
  const language = useApi(appLanguageApiRef).getLanguage().language;
  const { t } = useTranslationRef(assignmentsTranslationRef);
  const classes = useStyles();
  const groups = useGroups();
  const { state, set, reload } = useLoad(
    () => api.getAssignment(id),
    [api, id],
  );
  const [flash, setFlash] = useState<Flash | undefined>(() => {
    const passed = (location.state as { flash?: string } | null)?.flash;
    return passed ? { severity: 'success', message: passed } : undefined;
  });
  const notFound =
    state.status === 'error' &&
    (state.httpStatus === 404 || state.httpStatus === 400);

  const run = async (
    change: () => Promise<AssignmentDetails | void>,
    done: string,
  ): Promise<boolean> => {
    setFlash(undefined);
    try {
      const result = await change();
      if (result && 'history' in result) set(result);
      else reload();
      setFlash({ severity: 'success', message: done });
      return true;
    } catch (error) {
      setFlash({ severity: 'error', message: errorMessage(error) });
      return false;
    }
  };

  const title = state.status === 'done' ? state.value.title : t('title');
  const a = state.status === 'done' ? state.value : undefined;
  const allowed = new Set(a?.allowedActions ?? []);
  const slots = a
    ? [...a.slots].sort((x, y) => x.start.localeCompare(y.start))
    : [];

  return (
    <Page themeId="home">
      <Header title={title} subtitle={t('title')} pageTitleOverride={title} />
      <Content>
        <Link to="/assignments">{t('details.back')}</Link>
        <div aria-live="polite" style={{ marginTop: 16 }}>
          {flash && (
            <Alert
              severity={flash.severity}
              role={flash.severity === 'error' ? 'alert' : 'status'}
              onClose={() => setFlash(undefined)}
            >
              {flash.message}
            </Alert>
          )}
        </div>
        {notFound ? (
          <Alert severity="info" role="alert" style={{ marginTop: 16 }}>
            {t('details.notFound')}
          </Alert>
        ) : (
          <Pending state={state} />
        )}
        {a && (
          <>
            <Grid container spacing={3} style={{ marginTop: 8 }}>
              <Grid item xs={12} md={8}>
                <Card variant="outlined">
                  <CardContent>
                    <div style={{ marginBottom: 16 }}>
                      <StateChip state={a.state} />
                    </div>
                    {a.reviewNote && (
                      <Alert
                        severity="warning"
                        role="note"
                        style={{ marginBottom: 16 }}
                      >
                        <strong>{t('details.reviewNote')}:</strong>{' '}
                        {a.reviewNote}
                      </Alert>
                    )}
                    <dl className={classes.dl}>
                      <Field label={t('details.type')}>
                        {t(`types.${a.type}`)}
                      </Field>
                      <Field label={t('details.description')}>
                        <span className={classes.description}>
                          {a.description}
                        </span>
                      </Field>
                      <Field label={t('details.unit')}>
                        {groups.title(a.unit)} ({groups.title(a.region)})
                      </Field>
                      <Field label={t('details.slots')}>
                        {slots.map(s => (
                          <span key={s.start} style={{ display: 'block' }}>
                            {formatSlot(s, language)}
                          </span>
                        ))}
                      </Field>
                      {a.place && (
                        <Field label={t('details.place')}>{a.place}</Field>
                      )}
                      {a.digitalLink && (
                        <Field label={t('details.digitalLink')}>
                          <Link to={a.digitalLink}>{a.digitalLink}</Link>
                        </Field>
                      )}
                      <Field label={t('details.estimatedHours')}>
                        {t('details.hours', { count: a.estimatedHours })}
                      </Field>
                      <Field label={t('details.peers')}>
                        {t('details.peersOf', {
                          selected: String(a.selectedCount),
                          wanted: String(a.peersWanted),
                        })}
                      </Field>
                      <Field label={t('details.experience')}>
                        {t(`experience.${a.experienceWanted}`)}
                      </Field>
                      <Field label={t('details.language')}>
                        {t(`languages.${a.language}`)}
                      </Field>
                      <Field label={t('details.deadline')}>
                        {formatDay(a.interestDeadline, language)}
                      </Field>
                      <Field label={t('details.contact')}>
                        {a.contactName},{' '}
                        <Link to={`mailto:${a.contactEmail}`}>
                          {a.contactEmail}
                        </Link>
                        {a.contactPhone && `, ${a.contactPhone}`}
                      </Field>
                      <Field label={t('details.costCentre')}>
                        {a.costCentre}
                      </Field>
                    </dl>
                  </CardContent>
                </Card>
              </Grid>
              <Grid item xs={12} md={4}>
                {a.myInterest && (
                  <Alert
                    severity={a.myInterest === 'selected' ? 'success' : 'info'}
                    role="note"
                    style={{ marginBottom: 16 }}
                  >
                    {t(`interestStatus.${a.myInterest}`)}
                  </Alert>
                )}
                <AssignmentActions assignment={a} run={run} />
              </Grid>
            </Grid>
            {(allowed.has('select') ||
              (a.interests.length > 0 && !a.myInterest)) && (
              <Paper className={classes.section}>
                <SelectionPanel assignment={a} run={run} />
              </Paper>
            )}
            {allowed.has('complete') && (
              <Paper className={classes.section}>
                <CompleteForm assignment={a} run={run} />
              </Paper>
            )}
            {a.honoraria.length > 0 && (
              <Paper
                component="section"
                className={classes.section}
                aria-labelledby="assignment-honoraria-title"
              >
                <Typography
                  variant="h5"
                  component="h2"
                  id="assignment-honoraria-title"
                  gutterBottom
                >
                  {t('honoraria.title')}
                </Typography>
                <HonorariaTable items={a.honoraria} />
              </Paper>
            )}
            {allowed.has('feedback') && (
              <Paper className={classes.section}>
                <FeedbackForm assignment={a} run={run} />
              </Paper>
            )}
            {a.feedback.length > 0 && (
              <Paper
                component="section"
                className={classes.section}
                aria-labelledby="assignment-feedback-given"
              >
                <Typography
                  variant="h5"
                  component="h2"
                  id="assignment-feedback-given"
                  gutterBottom
                >
                  {t('feedback.given')}
                </Typography>
                <ul className={classes.history}>
                  {a.feedback.map((f, i) => (
                    <li key={i} className={classes.historyItem}>
                      <Typography variant="subtitle2">
                        {f.authorKind === 'peer'
                          ? t('feedback.byPeer')
                          : t('feedback.byUnit')}
                        {': '}
                        {t('feedback.ratingLabel', { count: f.rating })}
                      </Typography>
                      {f.comment && (
                        <Typography variant="body2">{f.comment}</Typography>
                      )}
                    </li>
                  ))}
                </ul>
              </Paper>
            )}
            <Paper
              component="section"
              className={classes.section}
              aria-labelledby="assignment-history-title"
            >
              <Typography
                variant="h5"
                component="h2"
                id="assignment-history-title"
                gutterBottom
              >
                {t('details.history')}
              </Typography>
              <ol className={classes.history}>
                {a.history.map((h, i) => (
                  <li key={i} className={classes.historyItem}>
                    <Typography variant="body2" color="textSecondary">
                      {formatDateTime(h.at, language)} · {refName(h.actor)}
                    </Typography>
                    <Typography variant="body1">
                      {isHistoryAction(h.action)
                        ? t(`historyActions.${h.action}`)
                        : h.action}
                      {h.toState && ` → ${t(`states.${h.toState}`)}`}
                    </Typography>
                    {h.note && (
                      <Typography variant="body2">{h.note}</Typography>
                    )}
                  </li>
                ))}
              </ol>
            </Paper>
          </>
        )}
      </Content>
    </Page>
  );
}

const HISTORY_ACTIONS = [
  'created',
  'created-and-published',
  'edited',
  'publish',
  'request-changes',
  'decline',
  'mark-staffed',
  'cancel',
  'complete',
  'approve',
  'selected',
  'feedback',
  'exported',
] as const;

function isHistoryAction(
  action: string,
): action is (typeof HISTORY_ACTIONS)[number] {
  return (HISTORY_ACTIONS as readonly string[]).includes(action);
}
