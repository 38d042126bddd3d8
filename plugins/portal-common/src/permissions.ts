import { createPermission } from '@backstage/plugin-permission-common';

/**
 * One permission per area of the portal: whether the area's page and
 * navigation entry are shown. The feature plugins define the finer
 * permissions for what can be read and changed inside each area.
 *
 * @public
 */
export const portalAreaPermissions = {
  peerDirectory: createPermission({
    name: 'portal.area.peer-directory.view',
    attributes: { action: 'read' },
  }),
  assignments: createPermission({
    name: 'portal.area.assignments.view',
    attributes: { action: 'read' },
  }),
  networkMeetings: createPermission({
    name: 'portal.area.network-meetings.view',
    attributes: { action: 'read' },
  }),
  evaluation: createPermission({
    name: 'portal.area.evaluation.view',
    attributes: { action: 'read' },
  }),
};

/** @public */
export type PortalArea = keyof typeof portalAreaPermissions;

/** @public */
export const portalPermissions = Object.values(portalAreaPermissions);
