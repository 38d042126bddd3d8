import {
  Honorarium,
  oreToDecimalKronor,
} from '@internal/plugin-assignments-common';
import { stringify } from 'csv-stringify/sync';

/** The payroll file's columns, in Swedish as payroll reads them. */
const COLUMNS = [
  { key: 'person', header: 'Person' },
  { key: 'userRef', header: 'Användare' },
  { key: 'costCentre', header: 'Kostnadsställe' },
  { key: 'workDate', header: 'Datum' },
  { key: 'assignment', header: 'Uppdrag' },
  { key: 'assignmentId', header: 'Uppdrags-id' },
  { key: 'hours', header: 'Timmar' },
  { key: 'band', header: 'Omfattning' },
  { key: 'fee', header: 'Arvode (kr)' },
  { key: 'travel', header: 'Resa (kr)' },
  { key: 'total', header: 'Summa (kr)' },
];

/**
 * The payroll export: one row per approved honorarium, sorted by person and
 * cost centre, then a total per person and cost centre. Made with
 * csv-stringify: `;` between cells and decimal commas (what Swedish Excel
 * expects), UTF-8 with a byte-order mark so Excel shows å, ä and ö, and
 * cells beginning with = + - @ tab or return prefixed with ' so that no
 * spreadsheet runs them as formulas.
 */
export function payrollCsv(items: Honorarium[]): string {
  const rows: Array<Record<string, string>> = [];
  const sorted = [...items].sort(
    (a, b) =>
      a.peerName.localeCompare(b.peerName, 'sv') ||
      a.peerRef.localeCompare(b.peerRef) ||
      a.costCentre.localeCompare(b.costCentre) ||
      a.workDate.localeCompare(b.workDate),
  );
  let group: Honorarium[] = [];
  const flush = () => {
    if (!group.length) return;
    const sum = group.reduce((s, h) => s + h.totalOre, 0);
    rows.push({
      person: group[0].peerName,
      userRef: group[0].peerRef,
      costCentre: group[0].costCentre,
      workDate: '',
      assignment: 'Summa',
      assignmentId: '',
      hours: '',
      band: '',
      fee: '',
      travel: '',
      total: oreToDecimalKronor(sum),
    });
    group = [];
  };
  for (const h of sorted) {
    if (
      group.length &&
      (group[0].peerRef !== h.peerRef || group[0].costCentre !== h.costCentre)
    ) {
      flush();
    }
    group.push(h);
    rows.push({
      person: h.peerName,
      userRef: h.peerRef,
      costCentre: h.costCentre,
      workDate: h.workDate,
      assignment: h.assignmentTitle,
      assignmentId: h.assignmentId,
      hours: hoursText(h.actualMinutes),
      band: h.band,
      fee: oreToDecimalKronor(h.feeOre),
      travel: oreToDecimalKronor(h.travelOre),
      total: oreToDecimalKronor(h.totalOre),
    });
  }
  flush();
  return stringify(rows.map(neutraliseRow), {
    bom: true,
    header: true,
    columns: COLUMNS,
    delimiter: ';',
    record_delimiter: 'windows',
    escape_formulas: true,
    quoted_match: /[\r\n"]/,
  });
}

/**
 * A cell that a spreadsheet would run as a formula (= + - @ tab or return,
 * also behind spaces or non-breaking spaces, which csv-stringify's
 * escape_formulas does not look past) gets a leading '.
 */
function neutralise(text: string): string {
  return /^[\s\u00a0]+[=+\-@]/.test(text) ? `'${text}` : text;
}

function neutraliseRow(row: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k, neutralise(v)]),
  );
}

/** Minutes as hours with a decimal comma: 90 → "1,5", 105 → "1,75". */
function hoursText(minutes: number): string {
  const whole = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (!rest) return String(whole);
  const fraction = String(Math.round((rest * 100) / 60)).padStart(2, '0');
  return `${whole},${fraction.replace(/0$/, '')}`;
}
