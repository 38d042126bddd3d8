import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
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

/** A query string; arrays repeat the parameter, empty values are left out. */
function queryString(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null && item !== '') {
        params.append(key, String(item));
      }
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Talks to /api/assignments with the signed-in person's token. @public */
export class AssignmentsClient implements AssignmentsApi {
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
    const base = await this.options.discoveryApi.getBaseUrl('assignments');
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

  listAssignments(query: Partial<AssignmentQuery>): Promise<AssignmentList> {
    return this.call(`/assignments${queryString(query)}`);
  }

  getAssignment(id: string): Promise<AssignmentDetails> {
    return this.call(`/assignments/${encodeURIComponent(id)}`);
  }

  createAssignment(request: BookingRequest): Promise<Assignment> {
    return this.call('/assignments', { method: 'POST', body: request });
  }

  updateAssignment(id: string, update: BookingUpdate): Promise<Assignment> {
    return this.call(`/assignments/${encodeURIComponent(id)}`, {
      method: 'PATCH',
      body: update,
    });
  }

  showInterest(id: string, message?: string): Promise<Assignment> {
    return this.call(`/assignments/${encodeURIComponent(id)}/interest`, {
      method: 'POST',
      body: message ? { message } : {},
    });
  }

  async withdrawInterest(id: string): Promise<void> {
    await this.request(`/assignments/${encodeURIComponent(id)}/interest`, {
      method: 'DELETE',
    });
  }

  select(id: string, userRef: string): Promise<AssignmentDetails> {
    return this.call(`/assignments/${encodeURIComponent(id)}/selection`, {
      method: 'POST',
      body: { userRef },
    });
  }

  transition(
    id: string,
    request: TransitionRequest,
  ): Promise<AssignmentDetails> {
    return this.call(`/assignments/${encodeURIComponent(id)}/transitions`, {
      method: 'POST',
      body: request,
    });
  }

  async giveFeedback(id: string, feedback: FeedbackRequest): Promise<void> {
    await this.request(`/assignments/${encodeURIComponent(id)}/feedback`, {
      method: 'POST',
      body: feedback,
    });
  }

  summary(): Promise<AssignmentSummary> {
    return this.call('/summary');
  }

  listHonoraria(query: HonorariumQuery): Promise<HonorariumList> {
    return this.call(`/honoraria${queryString(query)}`);
  }

  listExports(): Promise<HonorariumExport[]> {
    return this.call('/honoraria/exports');
  }

  async exportHonoraria(
    query: { from: string; to: string } | { batch: string },
  ): Promise<DownloadedFile> {
    const res = await this.request(
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
