/**
 * The assignment board's frontend.
 *
 * The default export is the plugin for Backstage's new frontend system; the
 * legacy app uses `assignmentsPlugin` and `AssignmentsPage`.
 *
 * @packageDocumentation
 */
export { default } from './plugin';
export {
  assignmentsPlugin,
  AssignmentsPage,
  OpenAssignmentsCard,
} from './legacy';
export { assignmentsApiRef } from './api/AssignmentsApi';
export type {
  AssignmentsApi,
  DownloadedFile,
  HonorariumExport,
} from './api/AssignmentsApi';
export { AssignmentsClient } from './api/AssignmentsClient';
export { assignmentsTranslationRef } from './translation';
