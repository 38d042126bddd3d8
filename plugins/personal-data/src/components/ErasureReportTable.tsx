import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  ErasureReport,
  ErasureRequest,
} from '@internal/plugin-personal-data-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { personalDataTranslationRef } from '../translation';
import { Translate, formatNumber, translatedOr } from './format';

/** The name of a part of the portal, or its plugin id. */
export function usePluginName() {
  const { t } = useTranslationRef(personalDataTranslationRef);
  return (pluginId: string) =>
    translatedOr(t as unknown as Translate, `plugins.${pluginId}`, pluginId);
}

/** What each part of the portal did in an erasure, and what it kept and why. */
export function ErasureReportTable(props: {
  request: ErasureRequest;
  language: string;
}) {
  const { t } = useTranslationRef(personalDataTranslationRef);
  const pluginName = usePluginName();
  const tr = t as unknown as Translate;
  /** A kept record in the reader's language when its kind is known. */
  const keptText = (k: ErasureReport['kept'][number]) => {
    if (k.code) {
      const text = translatedOr(tr, `kept.${k.code}`, '', {
        n: k.count === undefined ? '' : formatNumber(k.count, props.language),
      }).trim();
      if (text) return text;
    }
    return `${k.what}: ${k.reason}`;
  };
  const n = (v: number | undefined) =>
    v === undefined ? '–' : formatNumber(v, props.language);
  return (
    <Table size="small" aria-label={t('report.caption')}>
      <TableHead>
        <TableRow>
          <TableCell component="th" scope="col">
            {t('report.plugin')}
          </TableCell>
          <TableCell component="th" scope="col">
            {t('report.status')}
          </TableCell>
          <TableCell component="th" scope="col" align="right">
            {t('report.erased')}
          </TableCell>
          <TableCell component="th" scope="col" align="right">
            {t('report.anonymised')}
          </TableCell>
          <TableCell component="th" scope="col">
            {t('report.kept')}
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.request.steps.map(step => (
          <TableRow key={step.pluginId}>
            <TableCell component="th" scope="row">
              {pluginName(step.pluginId)}
            </TableCell>
            <TableCell>
              {step.status === 'failed'
                ? t('report.steps.failed', { error: step.error ?? '' })
                : t(`report.steps.${step.status}`)}
            </TableCell>
            <TableCell align="right">{n(step.report?.erased)}</TableCell>
            <TableCell align="right">{n(step.report?.anonymised)}</TableCell>
            <TableCell>
              {step.report?.kept.length ? (
                <ul style={{ margin: 0, paddingLeft: '1.2em' }}>
                  {step.report.kept.map((k, i) => (
                    <li key={i}>{keptText(k)}</li>
                  ))}
                </ul>
              ) : (
                t('report.nothingKept')
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
