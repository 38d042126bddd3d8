import { createPermission } from '@backstage/plugin-permission-common';

/**
 * See the dashboards of every unit and region (managers, coordinators).
 * @public
 */
export const evaluationReadAllPermission = createPermission({
  name: 'evaluation.metrics.read-all',
  attributes: { action: 'read' },
});

/**
 * See the dashboards of one's own units: the units among one's catalog
 * group memberships (team leaders).
 * @public
 */
export const evaluationReadUnitsPermission = createPermission({
  name: 'evaluation.metrics.read-units',
  attributes: { action: 'read' },
});

/**
 * See one's own figures only: one's assignments, hours and support
 * sessions (peers, peer supporters).
 * @public
 */
export const evaluationReadOwnPermission = createPermission({
  name: 'evaluation.metrics.read-own',
  attributes: { action: 'read' },
});

/** Log support sessions (peer supporters). @public */
export const evaluationSessionCreatePermission = createPermission({
  name: 'evaluation.session.create',
  attributes: { action: 'create' },
});

/** Enter and import outcome indicators (managers, coordinators). @public */
export const evaluationOutcomeManagePermission = createPermission({
  name: 'evaluation.outcome.manage',
  attributes: { action: 'update' },
});

/** @public */
export const evaluationPermissions = [
  evaluationReadAllPermission,
  evaluationReadUnitsPermission,
  evaluationReadOwnPermission,
  evaluationSessionCreatePermission,
  evaluationOutcomeManagePermission,
];
