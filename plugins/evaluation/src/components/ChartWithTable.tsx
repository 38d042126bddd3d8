import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Figure, SUPPRESSED } from '@internal/plugin-evaluation-common';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { ReactNode, useId, useState } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Line,
  LineChart,
  ReferenceArea,
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
  // The theme lets table cells break inside a word; a column heading
  // ("Hours", "Timmar") must wrap between words only.
  heading: { wordBreak: 'normal' },
  toolbar: {
    display: 'flex',
    justifyContent: 'flex-end',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(1),
    '@media print': { display: 'none' },
  },
}));

/** An axis value in Swedish style (space between thousands). */
const tick = (value: number) =>
  formatFigure(value, Number.isInteger(value) ? 0 : 1);

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
  reference?: {
    x: string;
    label: string;
    /** Names of the stretches before and after the marked x value. */
    before?: string;
    after?: string;
  };
  extraColumns?: Array<{ header: string; cell: (row: ChartRow) => ReactNode }>;
  /**
   * The series the chart draws (indexes into series), when not all: figures
   * of different sizes (hours and kronor) do not share one axis. The table
   * has them all.
   */
  plotted?: number[];
  /** More buttons beside the chart/table toggle (e.g. an export). */
  actions?: ReactNode;
  print?: boolean;
}) {
  const classes = useStyles();
  const { t } = useTranslationRef(evaluationTranslationRef);
  const [asTable, setAsTable] = useState(!!props.print);
  const tableId = useId();
  const plotted = props.series
    .map((s, i) => ({ ...s, i }))
    .filter(s => !props.plotted || props.plotted.includes(s.i));
  // When every drawn figure is hidden ("<5") or absent, the chart is empty:
  // say so, and where the figures are.
  const allHidden =
    props.rows.length > 0 &&
    props.rows.every(r =>
      plotted.every(p => chartValue(r.values[p.i]) === null),
    ) &&
    props.rows.some(r => plotted.some(p => r.values[p.i] === SUPPRESSED));
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
          <TableCell component="th" scope="col" className={classes.heading}>
            {props.firstColumn}
          </TableCell>
          {props.series.map(s => (
            <TableCell
              key={s.name}
              component="th"
              scope="col"
              align="right"
              className={classes.heading}
            >
              {s.name}
            </TableCell>
          ))}
          {props.extraColumns?.map(c => (
            <TableCell
              key={c.header}
              component="th"
              scope="col"
              className={classes.heading}
            >
              {c.header}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {props.rows.map(row => (
          <TableRow key={row.key}>
            <TableCell
              component="th"
              scope="row"
              style={{ whiteSpace: 'nowrap' }}
            >
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
        {props.actions}
        <Button
          size="small"
          variant="outlined"
          aria-pressed={asTable}
          onClick={() => setAsTable(v => !v)}
        >
          {asTable ? t('trend.showChart') : t('trend.showTable')}
        </Button>
      </div>
      {!asTable && allHidden && (
        <Typography variant="body2" paragraph>
          {t('chart.allHidden')}
        </Typography>
      )}
      {asTable ? (
        table
      ) : (
        <>
          {/* The chart is a picture of the table below, which screen readers get instead. */}
          <div
            className={classes.chart}
            style={
              props.kind === 'bar'
                ? { height: Math.max(160, 48 + 36 * data.length) }
                : undefined
            }
            aria-hidden="true"
          >
            <ResponsiveContainer width="100%" height="100%">
              {props.kind === 'line' ? (
                <LineChart data={data} margin={{ top: 16, right: 16 }}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="label" />
                  <YAxis tickFormatter={tick} />
                  <Tooltip />
                  {plotted.map(s => (
                    <Line
                      key={s.name}
                      type="monotone"
                      dataKey={s.name}
                      stroke={colors[s.i % colors.length]}
                      strokeWidth={2}
                      connectNulls={false}
                      isAnimationActive={false}
                    />
                  ))}
                  {props.reference && data.length > 0 && (
                    <ReferenceArea
                      x1={data[0].label}
                      x2={props.reference.x}
                      fill="#e0e0e0"
                      fillOpacity={0.5}
                      label={{
                        value: props.reference.before,
                        position: 'insideTopLeft',
                        fill: '#333',
                      }}
                    />
                  )}
                  {props.reference && data.length > 0 && (
                    <ReferenceArea
                      x1={props.reference.x}
                      x2={data[data.length - 1].label}
                      fill="#c8e6c9"
                      fillOpacity={0.5}
                      label={{
                        value: props.reference.after,
                        position: 'insideTopRight',
                        fill: '#333',
                      }}
                    />
                  )}
                  {props.reference && (
                    <ReferenceLine
                      x={props.reference.x}
                      stroke="#b00020"
                      strokeWidth={2}
                      strokeDasharray="4 2"
                      label={{
                        value: props.reference.label,
                        position: 'insideBottomLeft',
                        fill: '#b00020',
                      }}
                    />
                  )}
                </LineChart>
              ) : (
                // Bars lie down, so that long unit names can be read.
                <BarChart
                  data={data}
                  layout="vertical"
                  margin={{ left: 8, right: 24 }}
                >
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis type="number" tickFormatter={tick} />
                  <YAxis
                    type="category"
                    dataKey="label"
                    width={240}
                    interval={0}
                  />
                  <Tooltip />
                  {plotted.map(s => (
                    <Bar
                      key={s.name}
                      dataKey={s.name}
                      fill={colors[s.i % colors.length]}
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
