import {
  ImportRejection,
  MAX_IMPORT_ROWS,
  OutcomeInput,
  outcomeInputSchema,
} from '@internal/plugin-evaluation-common';
import { parse } from 'csv-parse/sync';

/** The columns a file may have: the fields of POST /outcomes. */
const FIELDS = Object.keys(outcomeInputSchema.shape);
const TEXT_FIELDS = new Set([
  'unit',
  'periodStart',
  'periodEnd',
  'recoveryInstrument',
  'peerSupportStartedOn',
]);

/**
 * Reads outcome indicators from CSV text: a header row of field names
 * (those of POST /outcomes), `;` or `,` between cells (guessed from the
 * header), decimal comma or point, UTF-8 with or without a byte-order mark.
 * Every row is checked with the schema of -common; a rejected row is
 * reported by its line and field, and the caller stores nothing when any
 * row is rejected.
 */
export function parseOutcomeCsv(text: string): {
  rows: Array<{ line: number; input: OutcomeInput }>;
  rejected: ImportRejection[];
} {
  const body = text.replace(/^\uFEFF/, '');
  const headerLine = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = headerLine.includes(';') ? ';' : ',';
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(body, {
      delimiter,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as any;
  } catch (error: any) {
    return {
      rows: [],
      rejected: [
        {
          line: Number(error?.lines ?? 1),
          field: 'file',
          message: `is not readable CSV: ${error?.message ?? error}`,
        },
      ],
    };
  }
  if (!records.length) {
    return {
      rows: [],
      rejected: [{ line: 1, field: 'file', message: 'is empty' }],
    };
  }
  const header = records[0].record;
  const rejected: ImportRejection[] = [];
  header.forEach(name => {
    if (!FIELDS.includes(name)) {
      rejected.push({
        line: 1,
        field: name || '(empty)',
        message: `is not a column; the columns are ${FIELDS.join(', ')}`,
      });
    }
  });
  for (const required of ['unit', 'periodStart', 'periodEnd']) {
    if (!header.includes(required)) {
      rejected.push({ line: 1, field: required, message: 'column is missing' });
    }
  }
  if (rejected.length) return { rows: [], rejected };
  if (records.length - 1 > MAX_IMPORT_ROWS) {
    return {
      rows: [],
      rejected: [
        {
          line: MAX_IMPORT_ROWS + 2,
          field: 'file',
          message: `has more than ${MAX_IMPORT_ROWS} rows`,
        },
      ],
    };
  }

  const rows: Array<{ line: number; input: OutcomeInput }> = [];
  for (const { record, info } of records.slice(1)) {
    const line = info.lines;
    if (record.length !== header.length) {
      rejected.push({
        line,
        field: 'row',
        message: `has ${record.length} cells, the header ${header.length}`,
      });
      continue;
    }
    const value: Record<string, unknown> = {};
    header.forEach((name, i) => {
      const cell = record[i];
      if (cell === '') return;
      value[name] = TEXT_FIELDS.has(name) ? cell : toNumber(cell);
    });
    const parsed = outcomeInputSchema.safeParse(value);
    if (parsed.success) {
      rows.push({ line, input: parsed.data });
    } else {
      for (const issue of parsed.error.issues) {
        rejected.push({
          line,
          field: issue.path.join('.') || 'row',
          message: issue.message,
        });
      }
    }
  }
  return { rows, rejected };
}

/** A number with a decimal comma or point; anything else stays text (and is rejected). */
function toNumber(cell: string): unknown {
  const text = cell.replace(/\s/g, '');
  if (/^-?\d+([.,]\d+)?$/.test(text)) {
    return Number(text.replace(',', '.'));
  }
  return cell;
}
