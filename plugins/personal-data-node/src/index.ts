/**
 * Personal data across the portal: the interface each plugin implements to
 * export, erase and apply retention to what it holds about a person (GDPR
 * art. 5, 15 and 17).
 *
 * @packageDocumentation
 */
export type {
  PersonalDataProvider,
  ErasureOptions,
  ErasureReport,
  RetentionPolicy,
  RetentionReport,
} from './types';
export { createPersonalDataRouter } from './router';
export { retentionCutoff } from './cutoff';
