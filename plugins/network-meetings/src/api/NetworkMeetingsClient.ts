import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { PluginHttp } from '@internal/plugin-portal-react';
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
import { MeetingFilter, NetworkMeetingsApi } from './NetworkMeetingsApi';

/** Talks to /api/network-meetings with the signed-in person's token. @public */
export class NetworkMeetingsClient implements NetworkMeetingsApi {
  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.http = new PluginHttp('network-meetings', options);
    this.assignments = new PluginHttp('assignments', options);
  }

  private readonly http: PluginHttp;
  /** The assignment board, for the number of open assignments. */
  private readonly assignments: PluginHttp;

  listMeetings(filter: MeetingFilter): Promise<MeetingList> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(filter)) {
      if (value !== undefined && value !== '' && value !== false) {
        params.set(key, String(value));
      }
    }
    return this.http.json(`/meetings?${params}`);
  }

  getMeeting(id: string): Promise<Meeting> {
    return this.http.json(`/meetings/${encodeURIComponent(id)}`);
  }

  createMeeting(meeting: MeetingCreateRequest): Promise<Meeting> {
    return this.http.json('/meetings', { method: 'POST', body: meeting });
  }

  updateMeeting(id: string, patch: MeetingPatch): Promise<Meeting> {
    return this.http.json(`/meetings/${encodeURIComponent(id)}`, {
      method: 'PATCH',
      body: patch,
    });
  }

  async cancelMeeting(
    id: string,
    scope: 'occurrence' | 'series',
  ): Promise<void> {
    await this.http.request(
      `/meetings/${encodeURIComponent(id)}?scope=${scope}`,
      {
        method: 'DELETE',
      },
    );
  }

  answer(id: string, rsvp: RsvpRequest): Promise<RsvpResult> {
    return this.http.json(`/meetings/${encodeURIComponent(id)}/rsvp`, {
      method: 'PUT',
      body: rsvp,
    });
  }

  async listAttendees(id: string): Promise<Attendee[]> {
    return (
      await this.http.json<{ items: Attendee[] }>(
        `/meetings/${encodeURIComponent(id)}/attendees`,
      )
    ).items;
  }

  recordAttendance(
    id: string,
    attendance: AttendanceRequest,
  ): Promise<AttendanceFact> {
    return this.http.json(`/meetings/${encodeURIComponent(id)}/attendance`, {
      method: 'POST',
      body: attendance,
    });
  }

  async downloadIcs(id: string): Promise<Blob> {
    return (
      await this.http.request(`/meetings/${encodeURIComponent(id)}/ics`)
    ).blob();
  }

  feedStatus(): Promise<FeedStatus> {
    return this.http.json('/feeds/me');
  }

  createFeed(): Promise<FeedCreated> {
    return this.http.json('/feeds/me', { method: 'POST' });
  }

  async revokeFeed(): Promise<void> {
    await this.http.request('/feeds/me', { method: 'DELETE' });
  }

  async openAssignments(): Promise<number | undefined> {
    try {
      const body = await this.assignments.json<{ open?: unknown }>('/summary');
      return typeof body.open === 'number' && Number.isInteger(body.open)
        ? body.open
        : undefined;
    } catch {
      return undefined;
    }
  }
}
