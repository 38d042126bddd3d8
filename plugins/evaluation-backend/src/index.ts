/**
 * The evaluation dashboards' backend.
 *
 * @packageDocumentation
 */
export { evaluationPlugin as default } from './plugin';
