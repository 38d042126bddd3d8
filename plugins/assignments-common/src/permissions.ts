import { createPermission } from '@backstage/plugin-permission-common';

/** See the board: open assignments, and one's own requests. @public */
export const assignmentReadPermission = createPermission({
  name: 'assignments.assignment.read',
  attributes: { action: 'read' },
});

/** Fill in the booking form (employees of the units). @public */
export const assignmentCreatePermission = createPermission({
  name: 'assignments.assignment.create',
  attributes: { action: 'create' },
});

/**
 * Have one's own booking published at once, without a coordinator's
 * review (the policy grants it to team leaders).
 * @public
 */
export const assignmentPublishOwnPermission = createPermission({
  name: 'assignments.assignment.publish-own',
  attributes: { action: 'create' },
});

/** Show interest in an open assignment (peers). @public */
export const assignmentInterestPermission = createPermission({
  name: 'assignments.interest.create',
  attributes: { action: 'create' },
});

/**
 * Run the brokerage: review requests, see who is interested, select peers,
 * approve honoraria (coordinators).
 * @public
 */
export const assignmentManagePermission = createPermission({
  name: 'assignments.assignment.manage',
  attributes: { action: 'update' },
});

/** Export approved honoraria to payroll (coordinators). @public */
export const honorariumExportPermission = createPermission({
  name: 'assignments.honorarium.export',
  attributes: { action: 'read' },
});

/** @public */
export const assignmentPermissions = [
  assignmentReadPermission,
  assignmentCreatePermission,
  assignmentPublishOwnPermission,
  assignmentInterestPermission,
  assignmentManagePermission,
  honorariumExportPermission,
];
