import { Content, Header, Link, Page } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { RequirePermission } from '@backstage/plugin-permission-react';
import {
  ConsentChange,
  ERASURE_STATUSES,
  ErasureRequest,
  ErasureStatus,
  RetentionRun,
  personalDataManagePermission,
} from '@internal/plugin-personal-data-common';
import {
  Pending,
  errorMessage,
  useLanguage,
  useLoad,
} from '@internal/plugin-portal-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import MenuItem from '@material-ui/core/MenuItem';
import Tab from '@material-ui/core/Tab';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Tabs from '@material-ui/core/Tabs';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Alert } from '@material-ui/lab';
import { Fragment, ReactNode, useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { personalDataApiRef } from '../api/PersonalDataApi';
import { personalDataTranslationRef } from '../translation';
import { ConfirmDialog } from './ConfirmDialog';
import { ErasureReportTable, usePluginName } from './ErasureReportTable';
import {
  Translate,
  formatDateTime,
  formatNumber,
  translatedOr,
} from './format';

const useStyles = makeStyles(theme => ({
  // On white: the outlined fields' labels lack contrast on the page's grey.
  filters: {
    display: 'flex',
    gap: theme.spacing(2),
    flexWrap: 'wrap',
    margin: theme.spacing(2, 0),
    padding: theme.spacing(2),
    backgroundColor: theme.palette.background.paper,
    borderRadius: theme.shape.borderRadius,
  },
  select: { minWidth: 200 },
  actions: { display: 'flex', gap: theme.spacing(1), flexWrap: 'wrap' },
  message: { margin: theme.spacing(2, 0) },
  tableWrap: { overflowX: 'auto' },
}));

const TABS = ['requests', 'consents', 'retention'] as const;
type TabName = (typeof TABS)[number];
const MONTHS = [1, 3, 6, 12, 24];

/** The coordinators' page: erasure requests, consent changes, retention. */
export function CoordinatorPage() {
  const { t } = useTranslationRef(personalDataTranslationRef);
  return (
    <Page themeId="home">
      <Header
        title={t('coordinator.title')}
        subtitle={t('coordinator.subtitle')}
        pageTitleOverride={t('coordinator.title')}
      />
      <Content>
        <RequirePermission
          permission={personalDataManagePermission}
          errorPage={
            <>
              <Typography paragraph role="alert">
                {t('coordinator.noAccess')}
              </Typography>
              <Link to="/personal-data">{t('mine.title')}</Link>
            </>
          }
        >
          <CoordinatorTabs />
        </RequirePermission>
      </Content>
    </Page>
  );
}

function CoordinatorTabs() {
  const { t } = useTranslationRef(personalDataTranslationRef);
  const [params, setParams] = useSearchParams();
  const tab: TabName = TABS.includes(params.get('tab') as TabName)
    ? (params.get('tab') as TabName)
    : 'requests';
  const months = Number(params.get('months')) || 6;
  const set = (changes: Record<string, string>) =>
    setParams(
      prev => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) next.set(k, v);
        return next;
      },
      { replace: true },
    );
  return (
    <>
      <Tabs
        value={tab}
        onChange={(_, value) => set({ tab: value })}
        indicatorColor="primary"
        textColor="primary"
        variant="scrollable"
        scrollButtons="auto"
        aria-label={t('coordinator.title')}
      >
        {TABS.map(name => (
          <Tab
            key={name}
            value={name}
            label={t(`coordinator.tabs.${name}`)}
            id={`pd-tab-${name}`}
            aria-controls={`pd-panel-${name}`}
          />
        ))}
      </Tabs>
      <div
        role="tabpanel"
        id={`pd-panel-${tab}`}
        aria-labelledby={`pd-tab-${tab}`}
      >
        {tab === 'requests' && (
          <RequestsTab
            months={months}
            status={(params.get('status') as ErasureStatus) || undefined}
            onFilter={set}
          />
        )}
        {tab === 'consents' && <ConsentsTab months={months} onFilter={set} />}
        {tab === 'retention' && <RetentionTab />}
      </div>
    </>
  );
}

function MonthsFilter(props: {
  months: number;
  onChange: (months: number) => void;
}) {
  const { t } = useTranslationRef(personalDataTranslationRef);
  const classes = useStyles();
  return (
    <TextField
      select
      variant="outlined"
      size="small"
      className={classes.select}
      label={t('coordinator.months')}
      value={MONTHS.includes(props.months) ? props.months : 6}
      onChange={e => props.onChange(Number(e.target.value))}
    >
      {MONTHS.map(m => (
        <MenuItem key={m} value={m}>
          {t('coordinator.monthsOption', { count: m })}
        </MenuItem>
      ))}
    </TextField>
  );
}

/**
 * A keyset-paged list: the first page when the filters change, the next
 * ones appended on "Show more".
 */
function usePaged<T>(
  load: (cursor?: string) => Promise<{ items: T[]; nextCursor?: string }>,
  deps: unknown[],
) {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string>();
  const [state, setState] = useState<
    | { status: 'loading' }
    | { status: 'error'; message: string }
    | { status: 'done' }
  >({ status: 'loading' });
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let cancelled = false;
    setState({ status: 'loading' });
    run().then(
      page => {
        if (cancelled) return;
        setItems(page.items);
        setCursor(page.nextCursor);
        setState({ status: 'done' });
      },
      error =>
        !cancelled &&
        setState({ status: 'error', message: errorMessage(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, [run, generation]);
  const more = async () => {
    try {
      const page = await run(cursor);
      setItems(prev => [...prev, ...page.items]);
      setCursor(page.nextCursor);
    } catch (error) {
      setState({ status: 'error', message: errorMessage(error) });
    }
  };
  return {
    items,
    setItems,
    state,
    hasMore: Boolean(cursor),
    more,
    reload: () => setGeneration(g => g + 1),
  };
}

/**
 * A paged list's states (loading, failed, empty), its table, and "Show
 * more" while there are further pages.
 */
function PagedList(props: {
  list: Pick<
    ReturnType<typeof usePaged>,
    'items' | 'state' | 'hasMore' | 'more'
  >;
  empty: string;
  children: ReactNode;
}) {
  const { t } = useTranslationRef(personalDataTranslationRef);
  const classes = useStyles();
  const { list } = props;
  return (
    <>
      {list.state.status === 'loading' && (
        <Typography role="status">{t('coordinator.loading')}</Typography>
      )}
      {list.state.status === 'error' && (
        <Alert severity="error" role="alert">
          {t('coordinator.failed', { message: list.state.message })}
        </Alert>
      )}
      {list.state.status === 'done' && !list.items.length && (
        <Typography paragraph>{props.empty}</Typography>
      )}
      {list.items.length > 0 && (
        <div className={classes.tableWrap}>{props.children}</div>
      )}
      {list.hasMore && (
        <Box mt={2}>
          <Button variant="outlined" onClick={list.more}>
            {t('coordinator.more')}
          </Button>
        </Box>
      )}
    </>
  );
}

function RequestsTab(props: {
  months: number;
  status?: ErasureStatus;
  onFilter: (changes: Record<string, string>) => void;
}) {
  const api = useApi(personalDataApiRef);
  const { t } = useTranslationRef(personalDataTranslationRef);
  const classes = useStyles();
  const language = useLanguage();
  const me = useLoad(() => api.me(), [api]).state;
  const myRef = me.status === 'done' ? me.value.userRef : undefined;
  const list = usePaged(
    cursor =>
      api.listErasureRequests({
        months: props.months,
        status: props.status,
        cursor,
      }),
    [api, props.months, props.status],
  );
  const [expanded, setExpanded] = useState<string>();
  // The request a dialog is about stays set while the dialog closes.
  const [confirming, setConfirming] = useState<ErasureRequest>();
  const [rejecting, setRejecting] = useState<ErasureRequest>();
  const [dialog, setDialog] = useState<'confirm' | 'reject'>();
  const [reason, setReason] = useState('');
  const [reasonTouched, setReasonTouched] = useState(false);
  const [notice, setNotice] = useState<{
    severity: 'success' | 'warning';
    text: string;
  }>();
  const [runError, setRunError] = useState<string>();

  const replace = (updated: ErasureRequest) => {
    list.setItems(items => items.map(r => (r.id === updated.id ? updated : r)));
    setExpanded(updated.id);
  };
  const outcome = (updated: ErasureRequest) => {
    replace(updated);
    setNotice(
      updated.status === 'completed'
        ? {
            severity: 'success',
            text: t('requests.done', { name: updated.displayName }),
          }
        : { severity: 'warning', text: t('requests.stopped') },
    );
  };

  return (
    <>
      <div className={classes.filters}>
        <TextField
          select
          variant="outlined"
          size="small"
          className={classes.select}
          label={t('coordinator.statusFilter')}
          value={props.status ?? ''}
          onChange={e => props.onFilter({ status: String(e.target.value) })}
          SelectProps={{ displayEmpty: true }}
          InputLabelProps={{ shrink: true }}
        >
          <MenuItem value="">{t('coordinator.anyStatus')}</MenuItem>
          {ERASURE_STATUSES.map(s => (
            <MenuItem key={s} value={s}>
              {t(`requests.statuses.${s}`)}
            </MenuItem>
          ))}
        </TextField>
        <MonthsFilter
          months={props.months}
          onChange={m => props.onFilter({ months: String(m) })}
        />
      </div>
      {notice && (
        <Alert
          severity={notice.severity}
          role="status"
          className={classes.message}
          onClose={() => setNotice(undefined)}
        >
          {notice.text}
        </Alert>
      )}
      {runError && (
        <Alert severity="error" role="alert" className={classes.message}>
          {t('coordinator.failed', { message: runError })}
        </Alert>
      )}
      <PagedList list={list} empty={t('requests.empty')}>
        <Table aria-label={t('requests.caption')}>
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">
                {t('requests.person')}
              </TableCell>
              <TableCell component="th" scope="col">
                {t('requests.asked')}
              </TableCell>
              <TableCell component="th" scope="col">
                {t('requests.origin')}
              </TableCell>
              <TableCell component="th" scope="col">
                {t('requests.status')}
              </TableCell>
              <TableCell component="th" scope="col">
                {t('requests.actions')}
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {list.items.map(r => (
              <Fragment key={r.id}>
                <TableRow>
                  <TableCell component="th" scope="row">
                    {r.displayName}
                    <Typography variant="body2" color="textSecondary">
                      {r.userRef}
                    </Typography>
                  </TableCell>
                  <TableCell>
                    {formatDateTime(r.requestedAt, language)}
                  </TableCell>
                  <TableCell>{t(`requests.origins.${r.origin}`)}</TableCell>
                  <TableCell>
                    {t(`requests.statuses.${r.status}`)}
                    {r.decidedBy && r.decidedAt && (
                      <Typography variant="body2" color="textSecondary">
                        {t('requests.decided', {
                          who:
                            r.decidedBy === 'system:retention'
                              ? t('requests.origins.retention')
                              : r.decidedByName ?? r.decidedBy,
                          date: formatDateTime(r.decidedAt, language),
                        })}
                      </Typography>
                    )}
                    {r.rejectReason && (
                      <Typography variant="body2">{r.rejectReason}</Typography>
                    )}
                    {r.status === 'in-progress' && r.lastError && (
                      <Typography variant="body2" color="error">
                        {t('requests.lastError', { error: r.lastError })}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell>
                    <div className={classes.actions}>
                      {r.status === 'pending' && r.userRef === myRef && (
                        <Typography variant="body2">
                          {t('requests.ownRequest')}
                        </Typography>
                      )}
                      {r.status === 'pending' && r.userRef !== myRef && (
                        <>
                          <Button
                            variant="contained"
                            color="primary"
                            size="small"
                            onClick={() => {
                              setConfirming(r);
                              setDialog('confirm');
                            }}
                            aria-label={`${t('requests.confirm')}: ${
                              r.displayName
                            }`}
                          >
                            {t('requests.confirm')}
                          </Button>
                          <Button
                            variant="outlined"
                            size="small"
                            onClick={() => {
                              setReason('');
                              setReasonTouched(false);
                              setRejecting(r);
                              setDialog('reject');
                            }}
                            aria-label={`${t('requests.reject')}: ${
                              r.displayName
                            }`}
                          >
                            {t('requests.reject')}
                          </Button>
                        </>
                      )}
                      {r.status === 'in-progress' && (
                        <Button
                          variant="outlined"
                          size="small"
                          onClick={async () => {
                            setRunError(undefined);
                            try {
                              outcome(await api.runErasure(r.id));
                            } catch (e) {
                              setRunError(errorMessage(e));
                            }
                          }}
                        >
                          {t('requests.run')}
                        </Button>
                      )}
                      {r.steps.length > 0 && (
                        <Button
                          size="small"
                          aria-expanded={expanded === r.id}
                          aria-controls={`pd-report-${r.id}`}
                          onClick={() =>
                            setExpanded(expanded === r.id ? undefined : r.id)
                          }
                        >
                          {expanded === r.id
                            ? t('requests.hideDetails')
                            : t('requests.details')}
                        </Button>
                      )}
                    </div>
                  </TableCell>
                </TableRow>
                {expanded === r.id && (
                  <TableRow id={`pd-report-${r.id}`}>
                    <TableCell colSpan={5}>
                      <ErasureReportTable request={r} language={language} />
                    </TableCell>
                  </TableRow>
                )}
              </Fragment>
            ))}
          </TableBody>
        </Table>
      </PagedList>

      <ConfirmDialog
        open={dialog === 'confirm'}
        title={t('requests.confirmTitle', {
          name: confirming?.displayName ?? '',
        })}
        body={t('requests.confirmBody', {
          name: confirming?.displayName ?? '',
        })}
        confirmLabel={t('requests.confirmAction')}
        cancelLabel={t('requests.cancel')}
        formatError={message => t('coordinator.failed', { message })}
        onClose={() => setDialog(undefined)}
        onConfirm={async () => {
          outcome(await api.confirmErasure(confirming!.id));
        }}
      />
      <ConfirmDialog
        open={dialog === 'reject'}
        title={t('requests.rejectTitle', {
          name: rejecting?.displayName ?? '',
        })}
        body={t('requests.rejectBody')}
        confirmLabel={t('requests.rejectAction')}
        cancelLabel={t('requests.cancel')}
        formatError={message => t('coordinator.failed', { message })}
        onClose={() => setDialog(undefined)}
        disabled={!reason.trim()}
        onConfirm={async () => {
          replace(await api.rejectErasure(rejecting!.id, reason.trim()));
          setNotice({ severity: 'success', text: t('requests.rejected') });
        }}
      >
        <TextField
          id="pd-reject-reason"
          label={t('requests.rejectReason')}
          value={reason}
          onChange={e => setReason(e.target.value)}
          onBlur={() => setReasonTouched(true)}
          required
          fullWidth
          multiline
          minRows={2}
          margin="normal"
          variant="outlined"
          inputProps={{ maxLength: 500 }}
          error={reasonTouched && !reason.trim()}
          helperText={
            reasonTouched && !reason.trim()
              ? t('requests.rejectReasonRequired')
              : ' '
          }
        />
      </ConfirmDialog>
    </>
  );
}

function ConsentsTab(props: {
  months: number;
  onFilter: (changes: Record<string, string>) => void;
}) {
  const api = useApi(personalDataApiRef);
  const { t } = useTranslationRef(personalDataTranslationRef);
  const classes = useStyles();
  const language = useLanguage();
  const list = usePaged<ConsentChange>(
    cursor => api.listConsentChanges({ months: props.months, cursor }),
    [api, props.months],
  );
  const tr = t as unknown as Translate;
  const field = (f: string) => translatedOr(tr, `consent.fields.${f}`, f);
  return (
    <>
      <div className={classes.filters}>
        <MonthsFilter
          months={props.months}
          onChange={m => props.onFilter({ months: String(m) })}
        />
      </div>
      <PagedList list={list} empty={t('consents.empty')}>
        <Table aria-label={t('consents.caption')}>
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">
                {t('consents.when')}
              </TableCell>
              <TableCell component="th" scope="col">
                {t('consents.person')}
              </TableCell>
              <TableCell component="th" scope="col">
                {t('consents.what')}
              </TableCell>
              <TableCell component="th" scope="col">
                {t('consents.change')}
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {list.items.map((c, i) => (
              <TableRow key={`${c.userRef}-${c.field}-${c.at}-${i}`}>
                <TableCell>{formatDateTime(c.at, language)}</TableCell>
                <TableCell component="th" scope="row">
                  {c.displayName}
                </TableCell>
                <TableCell>{field(c.field)}</TableCell>
                <TableCell>
                  {c.granted ? t('consents.given') : t('consents.withdrawn')}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </PagedList>
    </>
  );
}

function RetentionTab() {
  const api = useApi(personalDataApiRef);
  const { t } = useTranslationRef(personalDataTranslationRef);
  const classes = useStyles();
  const language = useLanguage();
  const pluginName = usePluginName();
  const me = useLoad(() => api.me(), [api]).state;
  const runs = useLoad(() => api.listRetentionRuns(), [api]);
  const [open, setOpen] = useState(false);
  const [ran, setRan] = useState(false);
  const tr = t as unknown as Translate;
  const removed = (run: RetentionRun) => {
    const lines = run.plugins.flatMap(p => {
      if (p.status === 'failed') {
        return [
          t('retention.pluginFailed', {
            plugin: pluginName(p.pluginId),
            error: p.error ?? '',
          }),
        ];
      }
      return p.removed
        .filter(r => r.count > 0)
        .map(
          r =>
            `${pluginName(p.pluginId)}: ${tr(`retention.rules.${r.rule}`, {
              n: formatNumber(r.count, language),
            })}`,
        );
    });
    return lines.length ? lines : [t('retention.nothingRemoved')];
  };
  return (
    <>
      <Box mt={2}>
        <Typography paragraph>{t('retention.intro')}</Typography>
        {me.status === 'done' && (
          <ul>
            <li>
              <Typography>
                {t('retention.policy.interest', {
                  months: String(me.value.policy.interestNotFollowedUpMonths),
                })}
              </Typography>
            </li>
            <li>
              <Typography>
                {t('retention.policy.rsvpNeeds', {
                  days: String(me.value.policy.rsvpNeedsAfterMeetingDays),
                })}
              </Typography>
            </li>
            <li>
              <Typography>
                {t('retention.policy.left', {
                  months: String(me.value.policy.leftNetworkMonths),
                })}
              </Typography>
            </li>
            <li>
              <Typography>
                {t('retention.policy.records', {
                  months: String(me.value.policy.erasureRecordsMonths),
                })}
              </Typography>
            </li>
          </ul>
        )}
        <Button
          variant="outlined"
          color="primary"
          onClick={() => setOpen(true)}
        >
          {t('retention.runNow')}
        </Button>
      </Box>
      {ran && (
        <Alert severity="success" role="status" className={classes.message}>
          {t('retention.ran')}
        </Alert>
      )}
      <Box mt={2}>
        <Pending
          state={runs.state}
          format={message => t('coordinator.failed', { message })}
        />
        {runs.state.status === 'done' && !runs.state.value.items.length && (
          <Typography paragraph>{t('retention.empty')}</Typography>
        )}
        {runs.state.status === 'done' && runs.state.value.items.length > 0 && (
          <div className={classes.tableWrap}>
            <Table aria-label={t('retention.caption')}>
              <TableHead>
                <TableRow>
                  <TableCell component="th" scope="col">
                    {t('retention.started')}
                  </TableCell>
                  <TableCell component="th" scope="col">
                    {t('retention.trigger')}
                  </TableCell>
                  <TableCell component="th" scope="col">
                    {t('retention.status')}
                  </TableCell>
                  <TableCell component="th" scope="col">
                    {t('retention.removed')}
                  </TableCell>
                  <TableCell component="th" scope="col" align="right">
                    {t('retention.erasures')}
                  </TableCell>
                  <TableCell component="th" scope="col" align="right">
                    {t('retention.records')}
                  </TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {runs.state.value.items.map(run => (
                  <TableRow key={run.id}>
                    <TableCell component="th" scope="row">
                      {formatDateTime(run.startedAt, language)}
                    </TableCell>
                    <TableCell>
                      {run.trigger === 'manual'
                        ? t('retention.triggers.manual', {
                            who: run.startedByName ?? run.startedBy ?? '',
                          })
                        : t('retention.triggers.schedule')}
                    </TableCell>
                    <TableCell>
                      {t(`retention.statuses.${run.status}`)}
                    </TableCell>
                    <TableCell>
                      <ul style={{ margin: 0, paddingLeft: '1.2em' }}>
                        {removed(run).map((line, i) => (
                          <li key={i}>{line}</li>
                        ))}
                      </ul>
                    </TableCell>
                    <TableCell align="right">
                      {formatNumber(run.erasures, language)}
                    </TableCell>
                    <TableCell align="right">
                      {formatNumber(run.erasureRecordsRemoved, language)}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </Box>
      <ConfirmDialog
        open={open}
        title={t('retention.runTitle')}
        body={t('retention.runBody')}
        confirmLabel={t('retention.runAction')}
        cancelLabel={t('retention.cancel')}
        formatError={message => t('coordinator.failed', { message })}
        onClose={() => setOpen(false)}
        onConfirm={async () => {
          await api.applyRetention();
          setRan(true);
          runs.reload();
        }}
      />
    </>
  );
}
