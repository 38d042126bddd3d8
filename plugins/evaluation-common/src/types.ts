import { Figure } from './suppression';
import {
  MetricGroupBy,
  RecoveryInstrument,
  SessionKind,
  SessionMode,
  SessionTopic,
} from './vocabulary';

/**
 * Whose figures the caller sees: every unit, their own units, or only
 * their own work.
 * @public
 */
export type EvaluationScope = 'all' | 'units' | 'own';

/** GET /me: what the caller may see and do. @public */
export type EvaluationCapabilities = {
  scope: EvaluationScope | null;
  /** The caller's units (their catalog groups); team leaders see these. */
  units: string[];
  canLogSessions: boolean;
  canManageOutcomes: boolean;
};

/** The figures of one cell (a group or the whole period). @public */
export type KeyFigures = {
  assignmentsCompleted: Figure;
  hours: Figure;
  /** Honoraria approved, in kronor (two decimals). */
  honorariaSek: Figure;
  activePeers: Figure;
  unitsUsingPeers: Figure;
  supportSessions: Figure;
  sessionsByMode: Record<SessionMode, Figure>;
  /** People marked present at network meetings (null with a unit or type filter). */
  meetingAttendance: Figure;
  /** The average rating, 1 to 5, one decimal. */
  averageFeedback: Figure;
};

/** The key figures' names, in the order the dashboard shows them. @public */
export const KEY_FIGURES = [
  'assignmentsCompleted',
  'hours',
  'honorariaSek',
  'activePeers',
  'unitsUsingPeers',
  'supportSessions',
  'meetingAttendance',
  'averageFeedback',
] as const;
/** @public */
export type KeyFigureName = (typeof KEY_FIGURES)[number];

/** One row of a breakdown: a month, quarter, region, unit or type. @public */
export type MetricsGroup = { key: string; figures: KeyFigures };

/** GET /metrics. @public */
export type MetricsResponse = {
  from: string;
  to: string;
  groupBy: MetricGroupBy;
  scope: EvaluationScope;
  previous: { from: string; to: string };
  totals: KeyFigures;
  previousTotals: KeyFigures;
  /**
   * Change against the previous period in per cent (one decimal), or null
   * when either side is hidden, absent or zero.
   */
  changePercent: Partial<Record<KeyFigureName, number | null>>;
  groups: MetricsGroup[];
};

/** A logged support session, as its peer supporter sees it. @public */
export type SupportSession = {
  id: string;
  date: string;
  unit: string;
  region: string;
  mode: SessionMode;
  minutes: number;
  topic: SessionTopic;
  kind: SessionKind;
  createdAt: string;
};

/** One period of a unit's outcome indicators, suppressed as the API returns it. @public */
export type OutcomePeriod = {
  periodStart: string;
  periodEnd: string;
  /** Before or after the unit started with peer support (unknown without a start). */
  phase: 'before' | 'after' | 'unknown';
  inpatientDays: Figure;
  admissions: Figure;
  readmissions30d: Figure;
  averageLengthOfStay: Figure;
  selfStigmaScore: Figure;
  selfStigmaRespondents: Figure;
  recoveryInstrument: RecoveryInstrument | null;
  recoveryScore: Figure;
  recoveryRespondents: Figure;
  staffAttitudesScore: Figure;
  staffAttitudesRespondents: Figure;
  updatedAt: string;
};

/** A unit's outcome indicators over time. @public */
export type UnitOutcomes = {
  unit: string;
  region: string;
  peerSupportStartedOn: string | null;
  periods: OutcomePeriod[];
};

/** GET /outcomes. @public */
export type OutcomeList = { items: UnitOutcomes[] };

/** One row the CSV import rejected. @public */
export type ImportRejection = {
  /** Line in the file, the header being line 1. */
  line: number;
  field: string;
  message: string;
};

/**
 * POST /outcomes/import: either every row was stored, or none was and
 * `rejected` says why.
 * @public
 */
export type ImportReport = {
  imported: number;
  rejected: ImportRejection[];
};

/** GET /filters: what the filters can offer the caller. @public */
export type FilterOptions = {
  regions: string[];
  units: Array<{ unit: string; region: string }>;
  types: string[];
};
