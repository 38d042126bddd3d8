/**
 * The peer support portal's permission policy: role groups to permissions.
 *
 * @packageDocumentation
 */
export { permissionModulePortalPolicy as default } from './module';
export { PortalPermissionPolicy } from './PortalPermissionPolicy';
export { PORTAL_GRANTS, SIGNED_IN } from './grants';
export type { Grant } from './grants';
