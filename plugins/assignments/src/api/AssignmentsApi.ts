import { createApiRef } from '@backstage/frontend-plugin-api';
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

/** One payroll export made earlier. @public */
export type HonorariumExport = {
  id: string;
  from: string;
  to: string;
  createdAt: string;
  createdBy: string;
  count: number;
  totalOre: number;
};

/** A downloaded file. @public */
export type DownloadedFile = { blob: Blob; fileName: string };

/** The assignment board's backend, as the frontend uses it. @public */
export interface AssignmentsApi {
  listAssignments(query: Partial<AssignmentQuery>): Promise<AssignmentList>;
  getAssignment(id: string): Promise<AssignmentDetails>;
  createAssignment(request: BookingRequest): Promise<Assignment>;
  updateAssignment(id: string, update: BookingUpdate): Promise<Assignment>;
  showInterest(id: string, message?: string): Promise<Assignment>;
  withdrawInterest(id: string): Promise<void>;
  select(id: string, userRef: string): Promise<AssignmentDetails>;
  transition(
    id: string,
    request: TransitionRequest,
  ): Promise<AssignmentDetails>;
  giveFeedback(id: string, feedback: FeedbackRequest): Promise<void>;
  summary(): Promise<AssignmentSummary>;
  listHonoraria(query: HonorariumQuery): Promise<HonorariumList>;
  listExports(): Promise<HonorariumExport[]>;
  /** A new payroll export of a period (marks the rows exported), or a copy of an earlier one. */
  exportHonoraria(
    query: { from: string; to: string } | { batch: string },
  ): Promise<DownloadedFile>;
}

/** @public */
export const assignmentsApiRef = createApiRef<AssignmentsApi>().with({
  id: 'plugin.assignments.api',
  pluginId: 'assignments',
});
