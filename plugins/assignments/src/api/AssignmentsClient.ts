import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { PluginHttp, queryString } from '@internal/plugin-portal-react';
import {
  Assignment,
  AssignmentDetails,
  AssignmentList,
  AssignmentQuery,
  AssignmentSummary,
  BookingRequest,
  BookingUpdate,
  FeedbackRequest,
  HonorariumList,
  HonorariumQuery,
  TransitionRequest,
} from '@internal/plugin-assignments-common';
import {
  AssignmentsApi,
  DownloadedFile,
  HonorariumExport,
} from './AssignmentsApi';

/** Talks to /api/assignments with the signed-in person's token. @public */
export class AssignmentsClient implements AssignmentsApi {
  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.http = new PluginHttp('assignments', options);
  }

  private readonly http: PluginHttp;

  listAssignments(query: Partial<AssignmentQuery>): Promise<AssignmentList> {
    return this.http.json(`/assignments${queryString(query)}`);
  }

  getAssignment(id: string): Promise<AssignmentDetails> {
    return this.http.json(`/assignments/${encodeURIComponent(id)}`);
  }

  createAssignment(request: BookingRequest): Promise<Assignment> {
    return this.http.json('/assignments', { method: 'POST', body: request });
  }

  updateAssignment(id: string, update: BookingUpdate): Promise<Assignment> {
    return this.http.json(`/assignments/${encodeURIComponent(id)}`, {
      method: 'PATCH',
      body: update,
    });
  }

  showInterest(id: string, message?: string): Promise<Assignment> {
    return this.http.json(`/assignments/${encodeURIComponent(id)}/interest`, {
      method: 'POST',
      body: message ? { message } : {},
    });
  }

  async withdrawInterest(id: string): Promise<void> {
    await this.http.request(`/assignments/${encodeURIComponent(id)}/interest`, {
      method: 'DELETE',
    });
  }

  select(id: string, userRef: string): Promise<AssignmentDetails> {
    return this.http.json(`/assignments/${encodeURIComponent(id)}/selection`, {
      method: 'POST',
      body: { userRef },
    });
  }

  transition(
    id: string,
    request: TransitionRequest,
  ): Promise<AssignmentDetails> {
    return this.http.json(
      `/assignments/${encodeURIComponent(id)}/transitions`,
      {
        method: 'POST',
        body: request,
      },
    );
  }

  async giveFeedback(id: string, feedback: FeedbackRequest): Promise<void> {
    await this.http.request(`/assignments/${encodeURIComponent(id)}/feedback`, {
      method: 'POST',
      body: feedback,
    });
  }

  summary(): Promise<AssignmentSummary> {
    return this.http.json('/summary');
  }

  listHonoraria(query: HonorariumQuery): Promise<HonorariumList> {
    return this.http.json(`/honoraria${queryString(query)}`);
  }

  listExports(): Promise<HonorariumExport[]> {
    return this.http.json('/honoraria/exports');
  }

  async exportHonoraria(
    query: { from: string; to: string } | { batch: string },
  ): Promise<DownloadedFile> {
    const res = await this.http.request(
      `/honoraria/export.csv${queryString(query)}`,
    );
    const disposition = res.headers.get('Content-Disposition') ?? '';
    const named = /filename="?([^";]+)"?/.exec(disposition)?.[1];
    const fileName =
      named ??
      ('batch' in query
        ? `arvoden-${query.batch}.csv`
        : `arvoden-${query.from}-${query.to}.csv`);
    return { blob: await res.blob(), fileName };
  }
}
