import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
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
  constructor(
    private readonly options: {
      discoveryApi: DiscoveryApi;
      fetchApi: FetchApi;
    },
  ) {}

  private async request(
    path: string,
    init?: { method: string; body?: unknown },
  ): Promise<Response> {
    const base = await this.options.discoveryApi.getBaseUrl('network-meetings');
    const res = await this.options.fetchApi.fetch(`${base}${path}`, {
      method: init?.method ?? 'GET',
      headers:
        init?.body !== undefined ? { 'Content-Type': 'application/json' } : {},
      body: init?.body !== undefined ? JSON.stringify(init.body) : undefined,
    });
    if (!res.ok) {
      throw await ResponseError.fromResponse(res);
    }
    return res;
  }

  private async call<T>(
    path: string,
    init?: { method: string; body?: unknown },
  ): Promise<T> {
    return (await (await this.request(path, init)).json()) as T;
  }

  listMeetings(filter: MeetingFilter): Promise<MeetingList> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(filter)) {
      if (value !== undefined && value !== '' && value !== false) {
        params.set(key, String(value));
      }
    }
    return this.call(`/meetings?${params}`);
  }

  getMeeting(id: string): Promise<Meeting> {
    return this.call(`/meetings/${encodeURIComponent(id)}`);
  }

  createMeeting(meeting: MeetingCreateRequest): Promise<Meeting> {
    return this.call('/meetings', { method: 'POST', body: meeting });
  }

  updateMeeting(id: string, patch: MeetingPatch): Promise<Meeting> {
    return this.call(`/meetings/${encodeURIComponent(id)}`, {
      method: 'PATCH',
      body: patch,
    });
  }

  async cancelMeeting(
    id: string,
    scope: 'occurrence' | 'series',
  ): Promise<void> {
    await this.request(`/meetings/${encodeURIComponent(id)}?scope=${scope}`, {
      method: 'DELETE',
    });
  }

  answer(id: string, rsvp: RsvpRequest): Promise<RsvpResult> {
    return this.call(`/meetings/${encodeURIComponent(id)}/rsvp`, {
      method: 'PUT',
      body: rsvp,
    });
  }

  async listAttendees(id: string): Promise<Attendee[]> {
    return (
      await this.call<{ items: Attendee[] }>(
        `/meetings/${encodeURIComponent(id)}/attendees`,
      )
    ).items;
  }

  recordAttendance(
    id: string,
    attendance: AttendanceRequest,
  ): Promise<AttendanceFact> {
    return this.call(`/meetings/${encodeURIComponent(id)}/attendance`, {
      method: 'POST',
      body: attendance,
    });
  }

  async downloadIcs(id: string): Promise<Blob> {
    return (
      await this.request(`/meetings/${encodeURIComponent(id)}/ics`)
    ).blob();
  }

  feedStatus(): Promise<FeedStatus> {
    return this.call('/feeds/me');
  }

  createFeed(): Promise<FeedCreated> {
    return this.call('/feeds/me', { method: 'POST' });
  }

  async revokeFeed(): Promise<void> {
    await this.request('/feeds/me', { method: 'DELETE' });
  }

  async openAssignments(): Promise<number | undefined> {
    try {
      const base = await this.options.discoveryApi.getBaseUrl('assignments');
      const res = await this.options.fetchApi.fetch(`${base}/summary`);
      if (!res.ok) return undefined;
      const body = (await res.json()) as { open?: unknown };
      return typeof body.open === 'number' && Number.isInteger(body.open)
        ? body.open
        : undefined;
    } catch {
      return undefined;
    }
  }
}
