import { createPermission } from '@backstage/plugin-permission-common';

/** Read the directory: profiles without their sensitive fields. @public */
export const peerDirectoryReadPermission = createPermission({
  name: 'peer-directory.profile.read',
  attributes: { action: 'read' },
});

/**
 * Read consented lived experience (health data, GDPR art. 9). Granted to
 * staff roles only; every read is audited.
 * @public
 */
export const peerDirectorySensitiveReadPermission = createPermission({
  name: 'peer-directory.sensitive.read',
  attributes: { action: 'read' },
});

/** Keep one's own profile, register interest. @public */
export const peerDirectoryOwnProfilePermission = createPermission({
  name: 'peer-directory.own-profile.update',
  attributes: { action: 'update' },
});

/** Onboarding, training records, membership status (coordinators). @public */
export const peerDirectoryManagePermission = createPermission({
  name: 'peer-directory.profile.manage',
  attributes: { action: 'update' },
});

/** @public */
export const peerDirectoryPermissions = [
  peerDirectoryReadPermission,
  peerDirectorySensitiveReadPermission,
  peerDirectoryOwnProfilePermission,
  peerDirectoryManagePermission,
];
