import { Content, Header, Link, Page } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  ErasureRequest,
  MyPersonalData,
  PersonalDataExport,
  personalDataManagePermission,
} from '@internal/plugin-personal-data-common';
import { Pending, useLanguage, useLoad } from '@internal/plugin-portal-react';
import Button from '@material-ui/core/Button';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import GetAppIcon from '@material-ui/icons/GetApp';
import { Alert } from '@material-ui/lab';
import { JsonObject } from '@backstage/types';
import { useMemo, useState } from 'react';
import { personalDataApiRef } from '../api/PersonalDataApi';
import { personalDataTranslationRef } from '../translation';
import { ConfirmDialog } from './ConfirmDialog';
import { DataView, assignmentTitles } from './DataView';
import { ErasureReportTable, usePluginName } from './ErasureReportTable';
import {
  Translate,
  formatDate,
  formatDateTime,
  today,
  translatedOr,
} from './format';

const useStyles = makeStyles(theme => ({
  section: { marginTop: theme.spacing(4) },
  card: { marginBottom: theme.spacing(2) },
  actions: {
    display: 'flex',
    gap: theme.spacing(2),
    alignItems: 'center',
    flexWrap: 'wrap',
  },
  links: {
    marginTop: theme.spacing(4),
    display: 'flex',
    gap: theme.spacing(3),
    flexWrap: 'wrap',
  },
}));

/** "Mina uppgifter": everything the portal holds about the signed-in person. */
export function MyDataPage() {
  const { t } = useTranslationRef(personalDataTranslationRef);
  return (
    <Page themeId="home">
      <Header
        title={t('mine.title')}
        subtitle={t('mine.subtitle')}
        pageTitleOverride={t('mine.title')}
      />
      <Content>
        <MyData />
      </Content>
    </Page>
  );
}

function MyData() {
  const api = useApi(personalDataApiRef);
  const { t } = useTranslationRef(personalDataTranslationRef);
  const classes = useStyles();
  const language = useLanguage();
  const me = useLoad(() => api.me(), [api]);
  const exported = useLoad(() => api.exportMine(), [api]);
  const { allowed: isCoordinator } = usePermission({
    permission: personalDataManagePermission,
  });

  return (
    <>
      <Typography paragraph>{t('mine.intro')}</Typography>
      {exported.state.status === 'loading' && (
        <Typography paragraph role="status">
          {t('mine.loading')}
        </Typography>
      )}
      <Pending
        state={exported.state}
        format={message => t('mine.failed', { message })}
      />
      {exported.state.status === 'done' && (
        <ExportSections document={exported.state.value} language={language} />
      )}

      <section className={classes.section} aria-labelledby="pd-erasure">
        <Typography variant="h5" component="h2" id="pd-erasure" gutterBottom>
          {t('erasure.title')}
        </Typography>
        <Pending
          state={me.state}
          format={message => t('mine.failed', { message })}
        />
        {me.state.status === 'done' && (
          <ErasureSection
            me={me.state.value}
            language={language}
            onAsked={me.reload}
          />
        )}
      </section>

      {me.state.status === 'done' && (
        <PolicySection policy={me.state.value.policy} />
      )}

      <nav className={classes.links} aria-label={t('mine.title')}>
        {isCoordinator && (
          <Link to="/personal-data/coordinator">
            {t('mine.coordinatorLink')}
          </Link>
        )}
        <Link to="/accessibility">{t('mine.accessibility')}</Link>
      </nav>
    </>
  );
}

function ExportSections(props: {
  document: PersonalDataExport;
  language: string;
}) {
  const { document, language } = props;
  const titles = useMemo(
    () => assignmentTitles(document.plugins.map(p => p.data ?? null)),
    [document],
  );
  const { t } = useTranslationRef(personalDataTranslationRef);
  const classes = useStyles();
  const pluginName = usePluginName();
  const download = () => {
    const blob = new Blob([JSON.stringify(document, null, 2)], {
      type: 'application/json',
    });
    const url = URL.createObjectURL(blob);
    const a = window.document.createElement('a');
    a.href = url;
    a.download = `${
      language === 'sv' ? 'mina-uppgifter' : 'my-data'
    }-${today()}.json`;
    window.document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <>
      <div className={classes.actions}>
        <Button
          variant="contained"
          color="primary"
          startIcon={<GetAppIcon />}
          onClick={download}
        >
          {t('mine.download')}
        </Button>
        <Typography variant="body2">
          {t('mine.downloadHint')}{' '}
          {t('mine.generatedAt', {
            date: formatDateTime(document.generatedAt, language),
          })}
        </Typography>
      </div>

      <section className={classes.section} aria-labelledby="pd-consents">
        <Typography variant="h5" component="h2" id="pd-consents" gutterBottom>
          {t('mine.consentsTitle')}
        </Typography>
        <Typography paragraph>{t('mine.consentsIntro')}</Typography>
        {document.consents.length ? (
          <Table size="small" aria-labelledby="pd-consents">
            <TableHead>
              <TableRow>
                <TableCell component="th" scope="col">
                  {t('consent.what')}
                </TableCell>
                <TableCell component="th" scope="col">
                  {t('consent.status')}
                </TableCell>
                <TableCell component="th" scope="col">
                  {t('consent.given')}
                </TableCell>
                <TableCell component="th" scope="col">
                  {t('consent.withdrawn')}
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {document.consents.map(c => (
                <TableRow key={`${c.pluginId}-${c.field}`}>
                  <TableCell component="th" scope="row">
                    {translatedOr(
                      t as unknown as Translate,
                      `consent.fields.${c.field}`,
                      c.field,
                    )}
                  </TableCell>
                  <TableCell>
                    {c.granted ? t('consent.granted') : t('consent.notGranted')}
                  </TableCell>
                  <TableCell>
                    {c.givenAt ? formatDateTime(c.givenAt, language) : '–'}
                  </TableCell>
                  <TableCell>
                    {c.withdrawnAt
                      ? formatDateTime(c.withdrawnAt, language)
                      : '–'}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : (
          <Typography paragraph>{t('mine.consentsEmpty')}</Typography>
        )}
      </section>

      <section className={classes.section} aria-labelledby="pd-parts">
        <Typography variant="h5" component="h2" id="pd-parts" gutterBottom>
          {t('mine.partsTitle')}
        </Typography>
        {document.plugins.map(part => (
          <Card
            key={part.pluginId}
            className={classes.card}
            component="section"
            aria-labelledby={`pd-part-${part.pluginId}`}
          >
            <CardContent>
              <Typography
                variant="h6"
                component="h3"
                id={`pd-part-${part.pluginId}`}
                gutterBottom
              >
                {pluginName(part.pluginId)}
              </Typography>
              {part.status === 'ok' && part.data ? (
                <DataView
                  data={withoutConsents(part.data) as JsonObject}
                  language={language}
                  assignmentTitles={titles}
                />
              ) : null}
              {part.status === 'none' && (
                <Typography>{t('part.none')}</Typography>
              )}
              {part.status === 'unavailable' && (
                <Alert severity="warning">
                  {t('part.unavailable', { message: part.error ?? '' })}
                </Alert>
              )}
            </CardContent>
          </Card>
        ))}
      </section>
    </>
  );
}

/** Consents are shown in their own section above. */
function withoutConsents(data: PersonalDataExport['plugins'][number]['data']) {
  const { consents: _consents, ...rest } = data ?? {};
  return rest;
}

function ErasureSection(props: {
  me: MyPersonalData;
  language: string;
  onAsked: () => void;
}) {
  const api = useApi(personalDataApiRef);
  const { t } = useTranslationRef(personalDataTranslationRef);
  const classes = useStyles();
  const [open, setOpen] = useState(false);
  const [asked, setAsked] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const [withdrawn, setWithdrawn] = useState(false);
  const latest: ErasureRequest | undefined = props.me.erasureRequests[0];
  const open_ =
    latest && (latest.status === 'pending' || latest.status === 'in-progress');
  return (
    <>
      <Typography paragraph>{t('erasure.intro')}</Typography>
      <Typography paragraph>{t('erasure.kept')}</Typography>
      {latest && (
        <Card className={classes.card} variant="outlined">
          <CardContent>
            <Typography variant="h6" component="h3" gutterBottom>
              {t('erasure.statusTitle')}
            </Typography>
            <Typography paragraph data-testid="erasure-status">
              {statusText(t as unknown as Translate, latest, props.language)}
            </Typography>
            {latest.status === 'rejected' && (
              <Typography paragraph>{t('erasure.askAgain')}</Typography>
            )}
            {latest.steps.length > 0 && (
              <ErasureReportTable request={latest} language={props.language} />
            )}
          </CardContent>
        </Card>
      )}
      {asked && (
        <Alert severity="success" role="status" className={classes.card}>
          {t('erasure.asked')}
        </Alert>
      )}
      {withdrawn && (
        <Alert severity="success" role="status" className={classes.card}>
          {t('erasure.withdrawn')}
        </Alert>
      )}
      {latest?.status === 'pending' && (
        <Button variant="outlined" onClick={() => setWithdrawing(true)}>
          {t('erasure.withdraw')}
        </Button>
      )}
      {!open_ && latest?.status !== 'completed' && (
        <Button
          variant="outlined"
          color="secondary"
          onClick={() => setOpen(true)}
        >
          {t('erasure.ask')}
        </Button>
      )}
      <ConfirmDialog
        open={open}
        title={t('erasure.dialogTitle')}
        body={t('erasure.dialogBody')}
        confirmLabel={t('erasure.dialogConfirm')}
        cancelLabel={t('erasure.cancel')}
        formatError={message => t('erasure.failed', { message })}
        onClose={() => setOpen(false)}
        onConfirm={async () => {
          await api.requestErasure();
          setAsked(true);
          setWithdrawn(false);
          props.onAsked();
        }}
      />
      {latest && (
        <ConfirmDialog
          open={withdrawing}
          title={t('erasure.withdrawTitle')}
          body={t('erasure.withdrawBody')}
          confirmLabel={t('erasure.withdrawConfirm')}
          cancelLabel={t('erasure.keep')}
          formatError={message => t('erasure.withdrawFailed', { message })}
          onClose={() => setWithdrawing(false)}
          onConfirm={async () => {
            await api.withdrawErasureRequest(latest.id);
            setWithdrawn(true);
            setAsked(false);
            props.onAsked();
          }}
        />
      )}
    </>
  );
}

function statusText(
  t: Translate,
  request: ErasureRequest,
  language: string,
): string {
  switch (request.status) {
    case 'pending':
      return t('erasure.status.pending', {
        date: formatDate(request.requestedAt, language),
      });
    case 'in-progress':
      return t('erasure.status.in-progress', {
        date: formatDate(request.decidedAt ?? request.requestedAt, language),
      });
    case 'completed':
      return t('erasure.status.completed', {
        date: formatDate(request.completedAt ?? request.requestedAt, language),
      });
    case 'withdrawn':
      return t('erasure.status.withdrawn', {
        date: formatDate(request.decidedAt ?? request.requestedAt, language),
      });
    default:
      return t('erasure.status.rejected', {
        date: formatDate(request.decidedAt ?? request.requestedAt, language),
        reason: request.rejectReason ?? '',
      });
  }
}

function PolicySection(props: { policy: MyPersonalData['policy'] }) {
  const { t } = useTranslationRef(personalDataTranslationRef);
  const classes = useStyles();
  const { policy } = props;
  return (
    <section className={classes.section} aria-labelledby="pd-policy">
      <Typography variant="h5" component="h2" id="pd-policy" gutterBottom>
        {t('policy.title')}
      </Typography>
      <ul>
        <li>
          <Typography>
            {t('policy.interest', {
              months: String(policy.interestNotFollowedUpMonths),
            })}
          </Typography>
        </li>
        <li>
          <Typography>
            {t('policy.rsvpNeeds', {
              days: String(policy.rsvpNeedsAfterMeetingDays),
            })}
          </Typography>
        </li>
        <li>
          <Typography>
            {t('policy.left', { months: String(policy.leftNetworkMonths) })}
          </Typography>
        </li>
        <li>
          <Typography>{t('policy.honoraria')}</Typography>
        </li>
        <li>
          <Typography>
            {t('policy.records', {
              months: String(policy.erasureRecordsMonths),
            })}
          </Typography>
        </li>
      </ul>
      <Typography paragraph>{t('policy.publicDocument')}</Typography>
    </section>
  );
}
