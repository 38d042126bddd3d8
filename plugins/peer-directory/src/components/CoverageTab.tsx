import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { Alert } from '@material-ui/lab';
import { Fragment } from 'react';
import { peerDirectoryApiRef } from '../api/PeerDirectoryApi';
import { Pending } from './Pending';
import { useLoad } from '@internal/plugin-portal-react';
import { peerDirectoryTranslationRef } from '../translation';
import { useGroupTitles } from '@internal/plugin-portal-react';

/** Where peer support is available, by region and unit, and by mode. */
export function CoverageTab() {
  const api = useApi(peerDirectoryApiRef);
  const { t } = useTranslationRef(peerDirectoryTranslationRef);
  const groups = useGroupTitles();
  const { state } = useLoad(() => api.coverage(), [api]);

  if (state.status !== 'done') return <Pending state={state} />;
  const data = state.value;
  return (
    <>
      <Typography paragraph style={{ maxWidth: '60em' }}>
        {t('coverage.intro')}
      </Typography>
      {data.regions.length === 0 ? (
        <Alert severity="info">{t('coverage.none')}</Alert>
      ) : (
        <Table size="small" aria-label={t('tabs.coverage')}>
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">
                {t('coverage.unit')}
              </TableCell>
              <TableCell component="th" scope="col" align="right">
                {t('coverage.supporters')}
              </TableCell>
              <TableCell component="th" scope="col">
                {t('coverage.modes')}
              </TableCell>
              <TableCell component="th" scope="col" align="right">
                {t('coverage.peers')}
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.regions.map(region => (
              <Fragment key={region.region}>
                <TableRow>
                  <TableCell component="th" scope="row">
                    <strong>{groups.title(region.region)}</strong>
                  </TableCell>
                  <TableCell align="right">
                    <strong>{region.activePeerSupporters}</strong>
                  </TableCell>
                  <TableCell>
                    {region.modes.map(m => t(`modes.${m}`)).join(', ')}
                  </TableCell>
                  <TableCell align="right">
                    <strong>{region.peersAvailable}</strong>
                  </TableCell>
                </TableRow>
                {region.units.map(unit => (
                  <TableRow key={unit.unit}>
                    <TableCell
                      component="th"
                      scope="row"
                      style={{ paddingLeft: 32 }}
                    >
                      {groups.title(unit.unit)}
                    </TableCell>
                    <TableCell align="right">
                      {unit.activePeerSupporters}
                    </TableCell>
                    <TableCell>
                      {unit.modes.map(m => t(`modes.${m}`)).join(', ')}
                    </TableCell>
                    <TableCell align="right">{unit.peersAvailable}</TableCell>
                  </TableRow>
                ))}
              </Fragment>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
