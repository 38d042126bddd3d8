/**
 * Types, schemas and permissions of the network meeting calendar.
 *
 * @packageDocumentation
 */
export * from './vocabulary';
export * from './types';
export * from './schemas';
export * from './permissions';
