/**
 * Types, schemas and permissions of the peer directory.
 *
 * @packageDocumentation
 */
export * from './vocabulary';
export * from './types';
export * from './schemas';
export * from './permissions';
