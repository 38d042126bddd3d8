import { Link } from '@backstage/core-components';
import {
  appLanguageApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  HONORARIUM_STATES,
  HonorariumQuery,
  honorariumExportPermission,
} from '@internal/plugin-assignments-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import Paper from '@material-ui/core/Paper';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Alert } from '@material-ui/lab';
import { useState } from 'react';
import { assignmentsApiRef } from '../api/AssignmentsApi';
import { assignmentsTranslationRef } from '../translation';
import { Pending, refName, saveFile } from './common';
import {
  formatDateTime,
  formatDay,
  formatMoney,
  previousMonth,
} from './format';
import { errorMessage, useLoad } from '@internal/plugin-portal-react';
import { HonorariaTable } from './WorkPanels';

const useStyles = makeStyles(theme => ({
  paper: { padding: theme.spacing(2), marginBottom: theme.spacing(3) },
  table: { overflowX: 'auto' },
}));

/** The payroll export: a period, what it will contain, a confirmation, the file. */
function ExportPanel(props: { onExported: () => void }) {
  const api = useApi(assignmentsApiRef);
  const language = useApi(appLanguageApiRef).getLanguage().language;
  const { t } = useTranslationRef(assignmentsTranslationRef);
  const classes = useStyles();
  const [period, setPeriod] = useState(previousMonth);
  const [confirming, setConfirming] = useState(false);
  const [flash, setFlash] = useState<{ ok: boolean; message: string }>();
  const validPeriod = !!period.from && !!period.to && period.from <= period.to;
  const preview = useLoad(
    () =>
      validPeriod
        ? api.listHonoraria({ state: 'approved', ...period })
        : Promise.resolve({ items: [], totalOre: 0 }),
    [api, period.from, period.to],
  );
  const exports = useLoad(() => api.listExports(), [api]);
  const count =
    preview.state.status === 'done' ? preview.state.value.items.length : 0;

  const download = async (
    query: { from: string; to: string } | { batch: string },
    fileName: string,
  ) => {
    setFlash(undefined);
    try {
      const file = await api.exportHonoraria(query);
      saveFile(file.blob, fileName);
      setFlash({ ok: true, message: t('export.done') });
      return true;
    } catch (error) {
      setFlash({ ok: false, message: errorMessage(error) });
      return false;
    }
  };

  return (
    <Paper className={classes.paper}>
      <section aria-labelledby="assignments-export-title">
        <Typography variant="h5" component="h2" id="assignments-export-title">
          {t('export.title')}
        </Typography>
        <Typography variant="body2" paragraph>
          {t('export.intro')}
        </Typography>
        <Grid container spacing={2} alignItems="center">
          {(['from', 'to'] as const).map(key => (
            <Grid item xs={6} sm={3} key={key}>
              <TextField
                fullWidth
                size="small"
                variant="outlined"
                type="date"
                id={`assignments-export-${key}`}
                label={t(`export.${key}`)}
                InputLabelProps={{ shrink: true }}
                value={period[key]}
                onChange={e => setPeriod({ ...period, [key]: e.target.value })}
              />
            </Grid>
          ))}
          <Grid item xs={12} sm={6}>
            <div aria-live="polite">
              {preview.state.status === 'done' &&
                (count > 0 ? (
                  <Typography>
                    {t('export.preview', {
                      count,
                      amount: formatMoney(
                        preview.state.value.totalOre,
                        language,
                      ),
                    })}
                  </Typography>
                ) : (
                  <Typography>{t('export.nothing')}</Typography>
                ))}
            </div>
          </Grid>
        </Grid>
        {preview.state.status === 'error' && <Pending state={preview.state} />}
        {preview.state.status === 'done' && count > 0 && (
          <div className={classes.table}>
            <HonorariaTable items={preview.state.value.items} />
          </div>
        )}
        <Button
          variant="contained"
          color="primary"
          style={{ marginTop: 16 }}
          disabled={!validPeriod || count === 0}
          onClick={() => setConfirming(true)}
        >
          {t('export.exportButton')}
        </Button>
        <div aria-live="polite" style={{ marginTop: 16 }}>
          {flash && (
            <Alert
              severity={flash.ok ? 'success' : 'error'}
              role={flash.ok ? 'status' : 'alert'}
            >
              {flash.message}
            </Alert>
          )}
        </div>
        <Dialog
          open={confirming}
          onClose={() => setConfirming(false)}
          aria-labelledby="assignments-export-confirm-title"
        >
          <DialogTitle id="assignments-export-confirm-title">
            {t('export.title')}
          </DialogTitle>
          <DialogContent>
            <DialogContentText>
              {t('export.confirm', { count })}
            </DialogContentText>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setConfirming(false)}>
              {t('export.cancel')}
            </Button>
            <Button
              color="primary"
              variant="contained"
              onClick={async () => {
                setConfirming(false);
                await download(
                  period,
                  `arvoden-${period.from}-${period.to}.csv`,
                );
                preview.reload();
                exports.reload();
                props.onExported();
              }}
            >
              {t('export.confirmYes')}
            </Button>
          </DialogActions>
        </Dialog>
      </section>
      <section
        aria-labelledby="assignments-exports-title"
        style={{ marginTop: 24 }}
      >
        <Typography variant="h6" component="h3" id="assignments-exports-title">
          {t('export.earlier')}
        </Typography>
        <Pending state={exports.state} />
        {exports.state.status === 'done' &&
          (exports.state.value.length === 0 ? (
            <Typography>{t('export.noneEarlier')}</Typography>
          ) : (
            <div className={classes.table}>
              <Table size="small">
                <TableHead>
                  <TableRow>
                    <TableCell>{t('export.period')}</TableCell>
                    <TableCell>{t('export.createdAt')}</TableCell>
                    <TableCell>{t('export.createdBy')}</TableCell>
                    <TableCell align="right">{t('export.count')}</TableCell>
                    <TableCell align="right">{t('export.amount')}</TableCell>
                    <TableCell>
                      <span className="MuiTypography-srOnly">
                        {t('export.download')}
                      </span>
                    </TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {exports.state.value.map(batch => (
                    <TableRow key={batch.id}>
                      <TableCell>
                        {formatDay(batch.from, language)} –{' '}
                        {formatDay(batch.to, language)}
                      </TableCell>
                      <TableCell>
                        {formatDateTime(batch.createdAt, language)}
                      </TableCell>
                      <TableCell>{refName(batch.createdBy)}</TableCell>
                      <TableCell align="right">{batch.count}</TableCell>
                      <TableCell align="right">
                        {formatMoney(batch.totalOre, language)}
                      </TableCell>
                      <TableCell>
                        <Button
                          size="small"
                          variant="outlined"
                          aria-label={t('export.downloadName', {
                            from: batch.from,
                            to: batch.to,
                          })}
                          onClick={() =>
                            download(
                              { batch: batch.id },
                              `arvoden-${batch.from}-${batch.to}.csv`,
                            )
                          }
                        >
                          {t('export.download')}
                        </Button>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          ))}
      </section>
    </Paper>
  );
}

/** Coordinators: honoraria by state and period, with totals; and the payroll export. */
export function HonorariaTab() {
  const api = useApi(assignmentsApiRef);
  const language = useApi(appLanguageApiRef).getLanguage().language;
  const { t } = useTranslationRef(assignmentsTranslationRef);
  const classes = useStyles();
  const canExport = usePermission({ permission: honorariumExportPermission });
  const [query, setQuery] = useState<HonorariumQuery>({ state: 'pending' });
  const list = useLoad(
    () => api.listHonoraria(query),
    [api, query.state, query.from, query.to],
  );
  const validPeriod = !query.from || !query.to || query.from <= query.to;

  return (
    <div>
      {canExport.allowed && <ExportPanel onExported={list.reload} />}
      <Paper className={classes.paper}>
        <section aria-labelledby="assignments-honoraria-title">
          <Typography
            variant="h5"
            component="h2"
            id="assignments-honoraria-title"
          >
            {t('honoraria.title')}
          </Typography>
          <Typography variant="body2" paragraph>
            {t('honoraria.approveHint')}
          </Typography>
          <Grid container spacing={2}>
            <Grid item xs={12} sm={4}>
              <TextField
                select
                fullWidth
                size="small"
                variant="outlined"
                id="assignments-honoraria-state"
                label={t('honoraria.filterState')}
                value={query.state ?? ''}
                onChange={e =>
                  setQuery({
                    ...query,
                    state: (e.target.value ||
                      undefined) as HonorariumQuery['state'],
                  })
                }
              >
                <MenuItem value="">{t('honoraria.any')}</MenuItem>
                {HONORARIUM_STATES.map(s => (
                  <MenuItem key={s} value={s}>
                    {t(`honorariumStates.${s}`)}
                  </MenuItem>
                ))}
              </TextField>
            </Grid>
            {(['from', 'to'] as const).map(key => (
              <Grid item xs={6} sm={4} key={key}>
                <TextField
                  fullWidth
                  size="small"
                  variant="outlined"
                  type="date"
                  id={`assignments-honoraria-${key}`}
                  label={t(`honoraria.${key}`)}
                  InputLabelProps={{ shrink: true }}
                  value={query[key] ?? ''}
                  onChange={e =>
                    setQuery({ ...query, [key]: e.target.value || undefined })
                  }
                />
              </Grid>
            ))}
          </Grid>
          {validPeriod && <Pending state={list.state} />}
          {list.state.status === 'done' && (
            <>
              <Typography style={{ margin: '16px 0 8px' }} aria-live="polite">
                {t('honoraria.count', {
                  count: list.state.value.items.length,
                })}
                {' · '}
                {t('honoraria.sum', {
                  amount: formatMoney(list.state.value.totalOre, language),
                })}
              </Typography>
              {list.state.value.items.length === 0 ? (
                <Typography>{t('honoraria.empty')}</Typography>
              ) : (
                <div className={classes.table}>
                  <HonorariaTable
                    items={list.state.value.items}
                    assignmentLink={h => (
                      <Link to={`/assignments/${h.assignmentId}`}>
                        {h.assignmentTitle}
                      </Link>
                    )}
                  />
                </div>
              )}
            </>
          )}
        </section>
      </Paper>
    </div>
  );
}
