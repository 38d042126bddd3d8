/**
 * Types, schemas and permissions of the assignment board.
 *
 * @packageDocumentation
 */
export * from './vocabulary';
export * from './types';
export * from './schemas';
export * from './permissions';
export * from './money';
