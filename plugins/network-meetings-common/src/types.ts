import {
  Audience,
  MeetingKind,
  OccurrenceStatus,
  RecurrenceFrequency,
  RsvpAnswer,
  RsvpStatus,
} from './vocabulary';

/** How a series repeats. Ends on a date or after a number of meetings. @public */
export type Recurrence = {
  frequency: RecurrenceFrequency;
  /** Every `interval` weeks or months. */
  interval: number;
  /** Last day (YYYY-MM-DD, Europe/Stockholm) a meeting of the series may fall on. */
  until?: string;
  /** Number of meetings in the series. */
  count?: number;
};

/** The signed-in person's own answer to one meeting. @public */
export type MyRsvp = {
  answer: RsvpAnswer;
  status: RsvpStatus;
  /** 1 for the first in line; present while waitlisted. */
  waitlistPosition?: number;
  /** Diet, accessibility: seen only by the person and the organisers. */
  needs: string;
  answeredAt: string;
};

/**
 * One meeting in the calendar. A single meeting has one occurrence whose
 * id is the meeting's id; each meeting of a series has its own id
 * (`<meetingId>_<YYYYMMDD>` of the date it was first planned for), so that
 * one of them can be moved, cancelled and answered on its own.
 *
 * `start` and `end` are wall-clock times in Europe/Stockholm
 * (`YYYY-MM-DDTHH:mm`); `startsAt` and `endsAt` are the same instants in UTC.
 * @public
 */
export type Meeting = {
  id: string;
  meetingId: string;
  title: string;
  kind: MeetingKind;
  agenda: string[];
  place: string | null;
  videoUrl: string | null;
  /** Catalog group name of the region, or null for all regions. */
  region: string | null;
  audience: Audience;
  /** Places, or null when there is no limit. */
  capacity: number | null;
  /** Last day to answer (YYYY-MM-DD, Europe/Stockholm), inclusive. */
  rsvpDeadline: string | null;
  start: string;
  end: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  status: OccurrenceStatus;
  /** Whether this meeting of a series was moved from its planned time. */
  moved: boolean;
  recurrence: Recurrence | null;
  confirmedCount: number;
  waitlistCount: number;
  maybeCount: number;
  /** Whether answers are taken now: scheduled, not started, deadline not passed. */
  open: boolean;
  /** Whether the signed-in person's role is in the meeting's audience. */
  canAnswer: boolean;
  myRsvp?: MyRsvp;
  attendanceRecorded: boolean;
  createdBy: string;
  updatedAt: string;
};

/** A page of meetings, in time order. @public */
export type MeetingList = { items: Meeting[]; nextCursor?: string };

/** One person's answer, for the organisers. @public */
export type Attendee = {
  userRef: string;
  displayName: string;
  answer: RsvpAnswer;
  status: RsvpStatus;
  waitlistPosition?: number;
  needs: string;
  /** Null until attendance is marked. */
  attended: boolean | null;
  answeredAt: string;
};

/** @public */
export type AttendeeList = { items: Attendee[] };

/** What PUT /meetings/:id/rsvp answers. @public */
export type RsvpResult = { meeting: Meeting; rsvp: MyRsvp };

/**
 * Attendance of one meeting held, without names. Published on the events
 * service (topic `network-meetings.attendance-recorded`) as the payload
 * each time attendance is marked, and listed by GET /facts for the
 * evaluation. A meeting marked again gives a new fact with a higher
 * cursor; the latest per `occurrenceId` counts.
 * @public
 */
export type AttendanceFact = {
  /** Monotonically increasing position; pass it as `after` to read on. */
  cursor: string;
  occurrenceId: string;
  meetingId: string;
  kind: MeetingKind;
  /** Catalog group name of the region, or null for all regions. */
  region: string | null;
  audience: Audience;
  startsAt: string;
  /** Places taken when the meeting was held. */
  confirmed: number;
  /** People marked as present. */
  attended: number;
  /** People marked as absent. */
  absent: number;
  recordedAt: string;
};

/** The payload of the `network-meetings.attendance-recorded` event. @public */
export type AttendanceRecordedEvent = AttendanceFact;

/** @public */
export type AttendanceFactList = {
  items: AttendanceFact[];
  nextCursor?: string;
};

/** The signed-in person's calendar subscription. @public */
export type FeedStatus = {
  active: boolean;
  createdAt?: string;
};

/** A new subscription URL: shown once, then only its hash is kept. @public */
export type FeedCreated = {
  url: string;
  createdAt: string;
};
