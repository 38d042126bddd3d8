/**
 * Types, schemas, permissions and the suppression rule of the evaluation
 * dashboards.
 *
 * @packageDocumentation
 */
export * from './vocabulary';
export * from './suppression';
export * from './schemas';
export * from './types';
export * from './permissions';
