import {
  AssignmentState,
  AssignmentType,
  ExperienceWanted,
  HonorariumState,
  InterestStatus,
  Language,
  TransitionAction,
} from './vocabulary';

/** One time slot, as UTC instants (ISO 8601). @public */
export type TimeSlot = { start: string; end: string };

/**
 * What the caller may do with an assignment right now, worked out by the
 * backend from the state, the caller's roles and their relation to it.
 * @public
 */
export type AssignmentAction =
  | TransitionAction
  | 'edit'
  | 'interest'
  | 'withdraw-interest'
  | 'select'
  | 'feedback';

/** An assignment as the board and the assignment page show it. @public */
export type Assignment = {
  id: string;
  title: string;
  type: AssignmentType;
  description: string;
  /** Catalog group name of the unit that books. */
  unit: string;
  /** Catalog group name of the unit's region. */
  region: string;
  contactName: string;
  contactEmail: string;
  contactPhone?: string;
  place?: string;
  digitalLink?: string;
  slots: TimeSlot[];
  estimatedHours: number;
  peersWanted: number;
  experienceWanted: ExperienceWanted;
  language: Language;
  /** Last day to show interest, YYYY-MM-DD (Europe/Stockholm). */
  interestDeadline: string;
  costCentre: string;
  state: AssignmentState;
  /** The coordinator's latest reason for asking for changes, declining or cancelling. */
  reviewNote?: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  interestCount: number;
  selectedCount: number;
  /** The caller's own standing, when they have shown interest. */
  myInterest?: InterestStatus;
  /** What the caller may do now. */
  allowedActions: AssignmentAction[];
  /** How well it suits the calling peer (sort=suits-me only), 0 to 10. */
  suitability?: number;
};

/** A page of assignments. @public */
export type AssignmentList = {
  items: Assignment[];
  /** Total matching the filters (first page only), counted up to 1000. */
  totalCount?: number;
  /** Set when there are more than `totalCount` (show "1000+"). */
  totalIsAtLeast?: boolean;
  nextCursor?: string;
};

/** One entry of an assignment's history. @public */
export type HistoryEntry = {
  at: string;
  actor: string;
  action: string;
  fromState?: AssignmentState;
  toState?: AssignmentState;
  note?: string;
};

/** A peer's interest, as coordinators see it. @public */
export type Interest = {
  userRef: string;
  displayName: string;
  message?: string;
  status: InterestStatus;
  createdAt: string;
  /** What the peer directory lets the coordinator see of the person. */
  profile?: {
    id: string;
    region: string;
    languages: string[];
    assignmentTypes: string[];
    availability: string;
    experience?: string[];
  };
};

/** Feedback after an assignment. @public */
export type Feedback = {
  authorKind: 'peer' | 'unit';
  rating: number;
  comment?: string;
  createdAt: string;
};

/** An honorarium owed to a peer for one assignment, in whole öre. @public */
export type Honorarium = {
  id: string;
  assignmentId: string;
  assignmentTitle: string;
  peerRef: string;
  peerName: string;
  costCentre: string;
  /** The day the work ended, YYYY-MM-DD (Europe/Stockholm). */
  workDate: string;
  actualMinutes: number;
  /** The scope band the hours fell in, e.g. "upTo2h", "halfDay", "fullDay". */
  band: string;
  feeOre: number;
  travelOre: number;
  totalOre: number;
  state: HonorariumState;
  approvedBy?: string;
  approvedAt?: string;
  exportedAt?: string;
  exportBatchId?: string;
};

/** The assignment page: everything the caller may see. @public */
export type AssignmentDetails = Assignment & {
  history: HistoryEntry[];
  /** Coordinators see every interest; a peer sees only their own. */
  interests: Interest[];
  feedback: Feedback[];
  /** Coordinators and the unit see the honoraria; a peer sees their own. */
  honoraria: Honorarium[];
};

/** GET /summary, for the meeting calendar and the home page. @public */
export type AssignmentSummary = { open: number };

/** A list of honoraria with their sum. @public */
export type HonorariumList = {
  items: Honorarium[];
  totalOre: number;
};

/**
 * A fact for the evaluation dashboards, published on the events service
 * (topic `assignments.activity`) and served by GET /facts (service
 * credentials). No lived experience, no free text.
 * @public
 */
export type AssignmentFact = {
  /** Monotonic per plugin; use it as the idempotency key with `kind`. */
  seq: number;
  kind: 'assignment-completed' | 'feedback-given' | 'honorarium-approved';
  assignmentId: string;
  occurredAt: string;
  /** The day the work ended, YYYY-MM-DD (Europe/Stockholm). */
  workDate: string;
  unit: string;
  region: string;
  type: AssignmentType;
  /** assignment-completed: the peers and their hours. */
  peers?: Array<{ peerRef: string; actualMinutes: number }>;
  /** honorarium-approved: the sum approved, in öre. */
  totalOre?: number;
  /** feedback-given. */
  rating?: number;
  authorKind?: 'peer' | 'unit';
};

/** A page of facts. @public */
export type AssignmentFactList = {
  items: AssignmentFact[];
  nextCursor?: string;
};

/** The topic facts are published on. @public */
export const ASSIGNMENTS_EVENT_TOPIC = 'assignments.activity';
