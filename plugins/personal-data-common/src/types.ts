import { JsonObject } from '@backstage/types';
import { ERASURE_STATUSES } from './schemas';

/** What one plugin did when asked to erase a person. @public */
export type ErasureReport = {
  /** Records removed. */
  erased: number;
  /** Records kept with the person's identity removed. */
  anonymised: number;
  /**
   * Records kept as they are, with the reason (e.g. bookkeeping of paid
   * honoraria). `code` names a known kind of record kept, so that pages can
   * say it in the reader's language; `what` and `reason` say it in English.
   */
  kept: Array<{ what: string; reason: string; code?: string; count?: number }>;
};

/**
 * How long the portal keeps what a person leaves behind
 * (`personalData.retention` in app-config.yaml).
 * @public
 */
export type RetentionPolicy = {
  /** Interest registrations nobody followed up: removed this many months after. */
  interestNotFollowedUpMonths: number;
  /** Needs given with an RSVP: removed this many days after the meeting. */
  rsvpNeedsAfterMeetingDays: number;
  /** People who left the network: erased this many months after they left. */
  leftNetworkMonths: number;
  /** Records of erasure requests (proof that they were handled): removed after. */
  erasureRecordsMonths: number;
};

/** The rules of a retention policy, by name. @public */
export type RetentionRule = keyof RetentionPolicy;

/** What one plugin removed when it applied the retention policy. @public */
export type RetentionReport = {
  removed: Array<{ rule: RetentionRule; what: string; count: number }>;
  /**
   * People whose data is due for erasure in every plugin (for example
   * because they left the network longer ago than the policy allows): the
   * personal-data service erases them across the portal.
   */
  peopleToErase?: string[];
};

/** One consent a person gave or withdrew, with its dates. @public */
export type ConsentRecord = {
  /** The plugin that holds it. */
  pluginId: string;
  /** What the consent is for, e.g. `experience` or `story`. */
  field: string;
  /** Whether it is given now. */
  granted: boolean;
  /** When it was last given, if ever. */
  givenAt?: string;
  /** When it was last withdrawn, if ever. */
  withdrawnAt?: string;
  history: Array<{ granted: boolean; at: string }>;
};

/**
 * How a plugin lists the consents it holds in its export, under the key
 * `consents`: the personal-data service gathers them into one list with
 * their dates.
 * @public
 */
export type ExportedConsent = {
  field: string;
  granted: boolean;
  history: Array<{ granted: boolean; at: string }>;
};

/** What one plugin answered to an export. @public */
export type PluginExport = {
  pluginId: string;
  /** ok: data below; none: the plugin holds nothing; unavailable: it did not answer. */
  status: 'ok' | 'none' | 'unavailable';
  data?: JsonObject;
  error?: string;
};

/** GET /me/export: everything the portal holds about the signed-in person. @public */
export type PersonalDataExport = {
  format: 'peer-portal-personal-data/1';
  generatedAt: string;
  person: { userRef: string; displayName: string };
  consents: ConsentRecord[];
  plugins: PluginExport[];
};

/** @public */
export type ErasureStatus = (typeof ERASURE_STATUSES)[number];

/** One plugin's part of an erasure. @public */
export type ErasureStep = {
  pluginId: string;
  status: 'pending' | 'done' | 'failed';
  report?: ErasureReport;
  error?: string;
  attempts: number;
  finishedAt?: string;
};

/** A request to erase a person's data, and how it went. @public */
export type ErasureRequest = {
  id: string;
  userRef: string;
  displayName: string;
  /** person: they asked; retention: the retention rules required it. */
  origin: 'person' | 'retention';
  status: ErasureStatus;
  requestedAt: string;
  decidedBy?: string;
  /** The name of who decided, for the coordinators' page. */
  decidedByName?: string;
  decidedAt?: string;
  rejectReason?: string;
  completedAt?: string;
  /** Runs started (a run that stopped on a plugin's error is resumed). */
  attempts: number;
  lastError?: string;
  steps: ErasureStep[];
};

/** A page of erasure requests. @public */
export type ErasureRequestList = {
  items: ErasureRequest[];
  nextCursor?: string;
};

/** GET /me: the person's requests and the rules their data follows. @public */
export type MyPersonalData = {
  userRef: string;
  displayName: string;
  erasureRequests: ErasureRequest[];
  policy: RetentionPolicy;
  /** The plugins that hold personal data, in the order they are erased. */
  plugins: string[];
};

/** A consent given or withdrawn in the peer directory. @public */
export type ConsentChange = {
  userRef: string;
  displayName: string;
  field: string;
  granted: boolean;
  at: string;
};

/** A page of consent changes, newest first. @public */
export type ConsentChangeList = {
  items: ConsentChange[];
  nextCursor?: string;
};

/** What one plugin did in a retention run. @public */
export type RetentionPluginResult = {
  pluginId: string;
  status: 'done' | 'failed' | 'not-supported';
  removed: RetentionReport['removed'];
  error?: string;
};

/** One run of the retention rules. @public */
export type RetentionRun = {
  id: number;
  trigger: 'schedule' | 'manual';
  startedBy?: string;
  /** The name of who started it, for the coordinators' page. */
  startedByName?: string;
  startedAt: string;
  finishedAt?: string;
  status: 'running' | 'completed' | 'incomplete';
  policy: RetentionPolicy;
  plugins: RetentionPluginResult[];
  /** People erased across the portal because the rules required it. */
  erasures: number;
  /** Erasure records removed (older than the policy keeps them). */
  erasureRecordsRemoved: number;
};

/** GET /retention/runs. @public */
export type RetentionRunList = { items: RetentionRun[] };
