/**
 * Personal data across the portal: the interface each plugin implements to
 * export and erase what it holds about a person (GDPR art. 15 and 17).
 *
 * @packageDocumentation
 */
export type { PersonalDataProvider, ErasureReport } from './types';
export { createPersonalDataRouter } from './router';
