/**
 * Types, schemas and permissions of the portal's personal data service:
 * export, erasure and retention across the plugins (GDPR art. 5, 15, 17).
 *
 * @packageDocumentation
 */
export * from './types';
export * from './schemas';
export * from './permissions';
