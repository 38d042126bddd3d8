import { oreToDecimalKronor } from '@internal/plugin-assignments-common';
import {
  Figure,
  KeyFigureName,
  KeyFigures,
  MetricsResponse,
} from '@internal/plugin-evaluation-common';
import { stringify } from 'csv-stringify/sync';

type Language = 'sv' | 'en';

const COLUMNS: Array<{
  header: Record<Language, string>;
  value: (f: KeyFigures) => string;
}> = [
  {
    header: { sv: 'Genomförda uppdrag', en: 'Assignments completed' },
    value: f => integer(f.assignmentsCompleted),
  },
  { header: { sv: 'Timmar', en: 'Hours' }, value: f => decimal(f.hours, 1) },
  {
    header: { sv: 'Arvoden (kr)', en: 'Honoraria (SEK)' },
    value: f => kronor(f.honorariaSek),
  },
  {
    header: { sv: 'Aktiva peers', en: 'Active peers' },
    value: f => integer(f.activePeers),
  },
  {
    header: { sv: 'Enheter som anlitar peers', en: 'Units using peers' },
    value: f => integer(f.unitsUsingPeers),
  },
  {
    header: { sv: 'Stödsamtal', en: 'Support sessions' },
    value: f => integer(f.supportSessions),
  },
  {
    header: { sv: 'Stödsamtal på avdelningen', en: 'Sessions on the ward' },
    value: f => integer(f.sessionsByMode.ward),
  },
  {
    header: {
      sv: 'Stödsamtal på mottagningen',
      en: 'Sessions at the outpatient clinic',
    },
    value: f => integer(f.sessionsByMode.outpatient),
  },
  {
    header: { sv: 'Stödsamtal via video', en: 'Sessions by video' },
    value: f => integer(f.sessionsByMode.video),
  },
  {
    header: { sv: 'Stödsamtal walk-and-talk', en: 'Walk-and-talk sessions' },
    value: f => integer(f.sessionsByMode['walk-and-talk']),
  },
  {
    header: { sv: 'Närvaro på nätverksträffar', en: 'Meeting attendance' },
    value: f => integer(f.meetingAttendance),
  },
  {
    header: { sv: 'Snittbetyg (1–5)', en: 'Average feedback (1–5)' },
    value: f => decimal(f.averageFeedback, 1),
  },
];

/** The figures of COLUMNS whose change against the previous period is given. */
const CHANGE: Array<KeyFigureName | undefined> = [
  'assignmentsCompleted',
  'hours',
  'honorariaSek',
  'activePeers',
  'unitsUsingPeers',
  'supportSessions',
  undefined,
  undefined,
  undefined,
  undefined,
  'meetingAttendance',
  'averageFeedback',
];

const TEXT: Record<
  Language,
  Record<MetricsResponse['groupBy'] | 'total' | 'previous' | 'change', string>
> = {
  sv: {
    month: 'Månad',
    quarter: 'Kvartal',
    region: 'Region',
    unit: 'Enhet',
    type: 'Uppdragstyp',
    total: 'Totalt',
    previous: 'Föregående period',
    change: 'Förändring mot föregående period (%)',
  },
  en: {
    month: 'Month',
    quarter: 'Quarter',
    region: 'Region',
    unit: 'Unit',
    type: 'Assignment type',
    total: 'Total',
    previous: 'Previous period',
    change: 'Change on the previous period (%)',
  },
};

/**
 * What the dashboard shows, as a file for Excel: one row per group (named
 * as on screen: unit and region titles, type names), the total, the
 * previous period and the change in per cent; hidden figures stay "<5".
 * Made with csv-stringify: `;` between cells, decimal commas, UTF-8 with a
 * byte-order mark. Every text cell that a spreadsheet could run as a
 * formula (= + - @ tab return, also after leading spaces) is prefixed with
 * '; figures are numbers the store computed, so a negative change stays a
 * number (csv-stringify's escape_formulas would turn -12,5 into text).
 */
export function metricsCsv(
  metrics: MetricsResponse,
  options: { lang?: Language; label?: (key: string) => string } = {},
): string {
  const lang = options.lang ?? 'sv';
  const text = TEXT[lang];
  const label = options.label ?? ((key: string) => key);
  const rows: string[][] = [
    [text[metrics.groupBy], ...COLUMNS.map(c => c.header[lang])],
    ...metrics.groups.map(g => [
      neutralise(label(g.key)),
      ...COLUMNS.map(c => c.value(g.figures)),
    ]),
    [
      `${text.total} ${metrics.from}–${metrics.to}`,
      ...COLUMNS.map(c => c.value(metrics.totals)),
    ],
    [
      `${text.previous} ${metrics.previous.from}–${metrics.previous.to}`,
      ...COLUMNS.map(c => c.value(metrics.previousTotals)),
    ],
    [
      text.change,
      ...CHANGE.map(name => {
        const percent = name ? metrics.changePercent[name] : undefined;
        return typeof percent === 'number' ? decimal(percent, 1) : '';
      }),
    ],
  ];
  return stringify(rows, {
    bom: true,
    delimiter: ';',
    record_delimiter: 'windows',
    quoted_match: /[\r\n";]/,
  });
}

/**
 * A text cell that a spreadsheet would not run: one that starts with
 * = + - @ tab or return, also behind spaces or non-breaking spaces, gets a
 * leading '.
 */
export function neutralise(text: string): string {
  return /^[\s\u00a0]*[=+\-@\t\r]/.test(text) ? `'${text}` : text;
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
