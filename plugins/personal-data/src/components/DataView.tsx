import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { JsonObject, JsonValue } from '@backstage/types';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { useGroupTitles } from '@internal/plugin-portal-react';
import { personalDataTranslationRef } from '../translation';
import {
  Translate,
  formatDate,
  formatDateTime,
  formatNumber,
  translatedOr,
} from './format';

const useStyles = makeStyles(theme => ({
  list: {
    display: 'grid',
    gridTemplateColumns: 'minmax(8rem, max-content) 1fr',
    columnGap: theme.spacing(2),
    rowGap: theme.spacing(0.5),
    margin: 0,
    '& dt': { fontWeight: 600 },
    '& dd': { margin: 0, overflowWrap: 'anywhere' },
  },
  table: { marginBottom: theme.spacing(2) },
  tableWrap: { overflowX: 'auto' },
  section: { marginTop: theme.spacing(2) },
  records: {
    listStyle: 'none',
    padding: 0,
    margin: 0,
    '& > li': {
      borderTop: `1px solid ${theme.palette.divider}`,
      padding: theme.spacing(1, 0),
    },
  },
}));

const isObject = (v: JsonValue | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const isTable = (v: JsonValue | undefined): v is JsonObject[] =>
  Array.isArray(v) && v.length > 0 && v.every(isObject);

/** camelCase → "camel case", for keys without a translation. */
function humanize(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Fields whose values are codes of the portal's vocabularies. */
const CODE_FIELDS = new Set([
  'role',
  'availability',
  'membershipStatus',
  'experience',
  'answer',
  'status',
  'state',
  'band',
  'kind',
  'mode',
  'topic',
  'type',
  'assignmentTypes',
  'supportModes',
  'topics',
  'origin',
  'field',
]);
/** Fields whose values are catalog groups (regions and units). */
const GROUP_FIELDS = new Set(['region', 'unit', 'units']);
/** Fields whose values are languages (ISO 639 codes). */
const LANGUAGE_FIELDS = new Set(['languages', 'language']);

/**
 * The titles of the assignments anywhere in a person's export (records
 * with an `assignmentId` and a `title`), so that a part that only holds
 * the id (the evaluation's) can name the assignment too.
 */
export function assignmentTitles(parts: JsonValue[]): Record<string, string> {
  const titles: Record<string, string> = {};
  const visit = (value: JsonValue | undefined) => {
    if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (isObject(value)) {
      if (
        typeof value.assignmentId === 'string' &&
        typeof value.title === 'string' &&
        value.title
      ) {
        titles[value.assignmentId] = value.title;
      }
      Object.values(value).forEach(visit);
    }
  };
  parts.forEach(visit);
  return titles;
}

function useLabels(language: string, titles: Record<string, string> = {}) {
  const { t } = useTranslationRef(personalDataTranslationRef);
  const tr = t as unknown as Translate;
  const { title } = useGroupTitles();
  const label = (key: string): string =>
    translatedOr(tr, `fields.${key}`, humanize(key));
  const code = (value: string): string =>
    translatedOr(tr, `values.${value}`, value);
  const languageName = (value: string): string => {
    try {
      const name = new Intl.DisplayNames([language === 'sv' ? 'sv' : 'en'], {
        type: 'language',
      }).of(value);
      return name && name !== value
        ? name.charAt(0).toUpperCase() + name.slice(1)
        : value;
    } catch {
      return value;
    }
  };
  const primitive = (value: JsonValue | undefined, key?: string): string => {
    if (value === null || value === undefined || value === '') return '–';
    if (typeof value === 'boolean') return value ? t('part.yes') : t('part.no');
    if (typeof value === 'number') {
      if (key && /Ore$/.test(key)) {
        return new Intl.NumberFormat(language === 'sv' ? 'sv-SE' : 'en-GB', {
          style: 'currency',
          currency: 'SEK',
        }).format(value / 100);
      }
      return formatNumber(value, language);
    }
    if (typeof value === 'string') {
      if (key === 'assignmentId' && titles[value]) return titles[value];
      if (key && CODE_FIELDS.has(key)) return code(value);
      if (key && GROUP_FIELDS.has(key)) return title(value);
      if (key && LANGUAGE_FIELDS.has(key)) return languageName(value);
      if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) {
        return formatDateTime(value, language);
      }
      if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value, language);
      return value;
    }
    if (Array.isArray(value)) {
      return value.length
        ? value.map(v => primitive(v as JsonValue, key)).join(', ')
        : t('part.empty');
    }
    return JSON.stringify(value);
  };
  return { label, primitive, t };
}

/** Columns a table leaves out: ids, where a title names the record. */
function visibleColumns(rows: JsonObject[]): string[] {
  const columns = [...new Set(rows.flatMap(r => Object.keys(r)))];
  const titled = rows.some(r => typeof r.title === 'string' && r.title);
  return titled ? columns.filter(c => !/^id$|Id$/.test(c)) : columns;
}

/** Records with more columns than this are shown one by one, not as a table. */
const MAX_TABLE_COLUMNS = 7;

/**
 * A plugin's part of a person's export, readable: fields as a list of
 * names and values, lists of records as tables (with the field names as
 * column headers), nested records inside them. Dates in Europe/Stockholm.
 */
export function DataView(props: {
  data: JsonObject;
  language: string;
  /** The heading level of the sections inside (h4 under a part's h3). */
  headingLevel?: 'h4' | 'h5';
  /** Assignment titles by id (see assignmentTitles), shown for ids. */
  assignmentTitles?: Record<string, string>;
}) {
  const classes = useStyles();
  const labels = useLabels(props.language, props.assignmentTitles);
  const level = props.headingLevel ?? 'h4';
  const entries = Object.entries(props.data);
  const simple = entries.filter(([, v]) => !isTable(v) && !isObject(v));
  const nested = entries.filter(([, v]) => isTable(v) || isObject(v));
  return (
    <>
      {simple.length > 0 && <FieldList entries={simple} labels={labels} />}
      {nested.map(([key, value]) => (
        <section key={key} className={classes.section}>
          <Typography variant="subtitle1" component={level} gutterBottom>
            {labels.label(key)}
          </Typography>
          {isTable(value) ? (
            <RecordTable
              caption={labels.label(key)}
              rows={value}
              labels={labels}
            />
          ) : (
            <DataView
              data={value as JsonObject}
              language={props.language}
              headingLevel="h5"
              assignmentTitles={props.assignmentTitles}
            />
          )}
        </section>
      ))}
    </>
  );
}

type Labels = ReturnType<typeof useLabels>;

function FieldList(props: {
  entries: Array<[string, JsonValue | undefined]>;
  labels: Labels;
}) {
  const classes = useStyles();
  return (
    <dl className={classes.list}>
      {props.entries.map(([key, value]) => (
        <div key={key} style={{ display: 'contents' }}>
          <dt>{props.labels.label(key)}</dt>
          <dd>
            <Cell name={key} value={value} labels={props.labels} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Cell(props: {
  name?: string;
  value: JsonValue | undefined;
  labels: Labels;
}) {
  const { value, labels } = props;
  if (isObject(value)) {
    return <FieldList entries={Object.entries(value)} labels={labels} />;
  }
  if (isTable(value)) {
    return (
      <>
        {value.map((row, i) => (
          <FieldList key={i} entries={Object.entries(row)} labels={labels} />
        ))}
      </>
    );
  }
  return <>{labels.primitive(value, props.name)}</>;
}

function RecordTable(props: {
  caption: string;
  rows: JsonObject[];
  labels: Labels;
}) {
  const classes = useStyles();
  const columns = visibleColumns(props.rows);
  if (columns.length > MAX_TABLE_COLUMNS) {
    return (
      <ol className={classes.records} aria-label={props.caption}>
        {props.rows.map((row, i) => (
          <li key={i}>
            <FieldList
              entries={columns.map(c => [c, row[c] ?? null])}
              labels={props.labels}
            />
          </li>
        ))}
      </ol>
    );
  }
  return (
    <div className={classes.tableWrap}>
      <Table size="small" className={classes.table} aria-label={props.caption}>
        <TableHead>
          <TableRow>
            {columns.map(c => (
              <TableCell key={c} component="th" scope="col">
                {props.labels.label(c)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {props.rows.map((row, i) => (
            <TableRow key={i}>
              {columns.map(c => (
                <TableCell key={c}>
                  <Cell name={c} value={row[c] ?? null} labels={props.labels} />
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
