import { createPermission } from '@backstage/plugin-permission-common';

/**
 * See and export what the portal holds about oneself, and ask for its
 * erasure: everyone signed in, for their own data only.
 * @public
 */
export const personalDataOwnPermission = createPermission({
  name: 'personal-data.own',
  attributes: { action: 'read' },
});

/**
 * Decide erasure requests (confirm or reject), see their per-plugin
 * reports, the consent changes and erasures of recent months, and run the
 * retention rules: the coordinators.
 * @public
 */
export const personalDataManagePermission = createPermission({
  name: 'personal-data.manage',
  attributes: { action: 'update' },
});

/** @public */
export const personalDataPermissions = [
  personalDataOwnPermission,
  personalDataManagePermission,
];
