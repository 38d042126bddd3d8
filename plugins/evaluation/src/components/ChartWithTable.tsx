import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Figure } from '@internal/plugin-evaluation-common';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { makeStyles } from '@material-ui/core/styles';
import { ReactNode, useId, useState } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { evaluationTranslationRef } from '../translation';
import { chartValue, formatFigure, visuallyHidden } from './format';

const useStyles = makeStyles(theme => ({
  srOnly: visuallyHidden,
  chart: { width: '100%', height: 280 },
  toolbar: {
    display: 'flex',
    justifyContent: 'flex-end',
    marginBottom: theme.spacing(1),
    '@media print': { display: 'none' },
  },
}));

/** One series of a chart: its name and a figure per row. */
export type Series = { name: string; digits?: number };

/** One row: an x value (its label) and the figures of each series. */
export type ChartRow = { key: string; label: string; values: Figure[] };

/**
 * A chart from recharts with its table alternative: the table is always in
 * the page for screen readers (visually hidden under the chart), and a
 * toggle shows it instead of the chart. "<5" and figures that do not apply
 * leave a gap in the chart and are written out in the table.
 */
export function ChartWithTable(props: {
  kind: 'line' | 'bar';
  caption: string;
  firstColumn: string;
  series: Series[];
  rows: ChartRow[];
  /** A marked x value, e.g. the start with peer support. */
  reference?: { x: string; label: string };
  extraColumns?: Array<{ header: string; cell: (row: ChartRow) => ReactNode }>;
  print?: boolean;
}) {
  const classes = useStyles();
  const { t } = useTranslationRef(evaluationTranslationRef);
  const [asTable, setAsTable] = useState(!!props.print);
  const tableId = useId();
  const data = props.rows.map(r => ({
    label: r.label,
    ...Object.fromEntries(
      props.series.map((s, i) => [s.name, chartValue(r.values[i])]),
    ),
  }));
  const colors = ['#1f5493', '#c15a00', '#2e7d32', '#6a1b9a'];
  const table = (
    <Table size="small" id={tableId}>
      <caption>{props.caption}</caption>
      <TableHead>
        <TableRow>
          <TableCell component="th" scope="col">
            {props.firstColumn}
          </TableCell>
          {props.series.map(s => (
            <TableCell key={s.name} component="th" scope="col" align="right">
              {s.name}
            </TableCell>
          ))}
          {props.extraColumns?.map(c => (
            <TableCell key={c.header} component="th" scope="col">
              {c.header}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {props.rows.map(row => (
          <TableRow key={row.key}>
            <TableCell component="th" scope="row">
              {row.label}
            </TableCell>
            {props.series.map((s, i) => (
              <TableCell key={s.name} align="right">
                {formatFigure(row.values[i], s.digits ?? 0)}
              </TableCell>
            ))}
            {props.extraColumns?.map(c => (
              <TableCell key={c.header}>{c.cell(row)}</TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
  if (props.print) return table;
  return (
    <div>
      <div className={classes.toolbar}>
        <Button
          size="small"
          variant="outlined"
          aria-pressed={asTable}
          onClick={() => setAsTable(v => !v)}
        >
          {asTable ? t('trend.showChart') : t('trend.showTable')}
        </Button>
      </div>
      {asTable ? (
        table
      ) : (
        <>
          {/* The chart is a picture of the table below, which screen readers get instead. */}
          <div className={classes.chart} aria-hidden="true">
            <ResponsiveContainer width="100%" height="100%">
              {props.kind === 'line' ? (
                <LineChart data={data}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="label" />
                  <YAxis />
                  <Tooltip />
                  {props.series.map((s, i) => (
                    <Line
                      key={s.name}
                      type="monotone"
                      dataKey={s.name}
                      stroke={colors[i % colors.length]}
                      strokeWidth={2}
                      connectNulls={false}
                      isAnimationActive={false}
                    />
                  ))}
                  {props.reference && (
                    <ReferenceLine
                      x={props.reference.x}
                      stroke="#b00020"
                      strokeDasharray="4 2"
                      label={{ value: props.reference.label, position: 'top' }}
                    />
                  )}
                </LineChart>
              ) : (
                <BarChart data={data}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="label" />
                  <YAxis />
                  <Tooltip />
                  {props.series.map((s, i) => (
                    <Bar
                      key={s.name}
                      dataKey={s.name}
                      fill={colors[i % colors.length]}
                      isAnimationActive={false}
                    />
                  ))}
                </BarChart>
              )}
            </ResponsiveContainer>
          </div>
          <div className={classes.srOnly}>{table}</div>
        </>
      )}
    </div>
  );
}
