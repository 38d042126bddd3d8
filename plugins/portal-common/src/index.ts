/**
 * Roles and portal-wide permissions of the peer support portal.
 *
 * @packageDocumentation
 */
export * from './roles';
export * from './permissions';
export * from './schemas';
