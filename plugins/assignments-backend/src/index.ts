/**
 * The assignment board's backend.
 *
 * @packageDocumentation
 */
export { assignmentsPlugin as default } from './plugin';
export { DatabaseAssignmentStore } from './database/DatabaseAssignmentStore';
