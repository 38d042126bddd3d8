import { oreToDecimalKronor } from '@internal/plugin-assignments-common';
import {
  Figure,
  KeyFigures,
  MetricsResponse,
} from '@internal/plugin-evaluation-common';
import { stringify } from 'csv-stringify/sync';

const COLUMNS: Array<{
  header: string;
  value: (f: KeyFigures) => string;
}> = [
  { header: 'Genomförda uppdrag', value: f => integer(f.assignmentsCompleted) },
  { header: 'Timmar', value: f => decimal(f.hours, 1) },
  { header: 'Arvoden (kr)', value: f => kronor(f.honorariaSek) },
  { header: 'Aktiva peers', value: f => integer(f.activePeers) },
  { header: 'Enheter med peers', value: f => integer(f.unitsUsingPeers) },
  { header: 'Stödsamtal', value: f => integer(f.supportSessions) },
  {
    header: 'Stödsamtal på avdelning',
    value: f => integer(f.sessionsByMode.ward),
  },
  {
    header: 'Stödsamtal på mottagning',
    value: f => integer(f.sessionsByMode.outpatient),
  },
  {
    header: 'Stödsamtal via video',
    value: f => integer(f.sessionsByMode.video),
  },
  {
    header: 'Stödsamtal walk-and-talk',
    value: f => integer(f.sessionsByMode['walk-and-talk']),
  },
  {
    header: 'Närvaro nätverksträffar',
    value: f => integer(f.meetingAttendance),
  },
  { header: 'Snittbetyg', value: f => decimal(f.averageFeedback, 1) },
];

const GROUP_HEADER: Record<MetricsResponse['groupBy'], string> = {
  month: 'Månad',
  quarter: 'Kvartal',
  region: 'Region',
  unit: 'Enhet',
  type: 'Uppdragstyp',
};

/**
 * What the dashboard shows, as a file for Excel: one row per group, the
 * total and the previous period; hidden figures stay "<5". Made with
 * csv-stringify: `;` between cells, decimal commas, UTF-8 with a byte-order
 * mark, and cells that a spreadsheet could run as a formula (= + - @ tab
 * return, also after leading spaces) prefixed with '.
 */
export function metricsCsv(metrics: MetricsResponse): string {
  const rows: string[][] = [
    [GROUP_HEADER[metrics.groupBy], ...COLUMNS.map(c => c.header)],
    ...metrics.groups.map(g => [
      neutralise(g.key),
      ...COLUMNS.map(c => c.value(g.figures)),
    ]),
    [
      `Totalt ${metrics.from}–${metrics.to}`,
      ...COLUMNS.map(c => c.value(metrics.totals)),
    ],
    [
      `Föregående period ${metrics.previous.from}–${metrics.previous.to}`,
      ...COLUMNS.map(c => c.value(metrics.previousTotals)),
    ],
  ];
  return stringify(rows, {
    bom: true,
    delimiter: ';',
    record_delimiter: 'windows',
    escape_formulas: true,
    quoted_match: /[\r\n";]/,
  });
}

/**
 * csv-stringify's escape_formulas looks at the first character only: a
 * formula behind spaces or non-breaking spaces gets the ' too.
 */
export function neutralise(text: string): string {
  return /^[\s\u00a0]+[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function integer(figure: Figure): string {
  return typeof figure === 'number' ? String(figure) : figure ?? '';
}

function decimal(figure: Figure, digits: number): string {
  return typeof figure === 'number'
    ? figure.toFixed(digits).replace('.', ',')
    : figure ?? '';
}

function kronor(figure: Figure): string {
  return typeof figure === 'number'
    ? oreToDecimalKronor(Math.round(figure * 100))
    : figure ?? '';
}
