import { createApiRef } from '@backstage/frontend-plugin-api';
import {
  AttendanceFact,
  AttendanceRequest,
  Attendee,
  FeedCreated,
  FeedStatus,
  Meeting,
  MeetingCreateRequest,
  MeetingList,
  MeetingPatch,
  RsvpRequest,
  RsvpResult,
} from '@internal/plugin-network-meetings-common';

/** Filters of the calendar, as the API takes them. @public */
export type MeetingFilter = {
  from?: string;
  to?: string;
  region?: string;
  kind?: string;
  audience?: string;
  mine?: boolean;
  limit?: number;
  cursor?: string;
};

/** The network meeting calendar's backend, as the frontend uses it. @public */
export interface NetworkMeetingsApi {
  listMeetings(filter: MeetingFilter): Promise<MeetingList>;
  getMeeting(id: string): Promise<Meeting>;
  createMeeting(meeting: MeetingCreateRequest): Promise<Meeting>;
  updateMeeting(id: string, patch: MeetingPatch): Promise<Meeting>;
  cancelMeeting(id: string, scope: 'occurrence' | 'series'): Promise<void>;
  answer(id: string, rsvp: RsvpRequest): Promise<RsvpResult>;
  listAttendees(id: string): Promise<Attendee[]>;
  recordAttendance(
    id: string,
    attendance: AttendanceRequest,
  ): Promise<AttendanceFact>;
  /** The meeting as an .ics file. */
  downloadIcs(id: string): Promise<Blob>;
  feedStatus(): Promise<FeedStatus>;
  createFeed(): Promise<FeedCreated>;
  revokeFeed(): Promise<void>;
  /** Open assignments on the assignment board, or undefined if unknown. */
  openAssignments(): Promise<number | undefined>;
}

/** @public */
export const networkMeetingsApiRef = createApiRef<NetworkMeetingsApi>().with({
  id: 'plugin.network-meetings.api',
  pluginId: 'network-meetings',
});
