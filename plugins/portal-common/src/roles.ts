/**
 * The roles of the peer support portal. Each role is a catalog group of
 * `spec.type: role` with the same name; a user holds a role by being a member
 * of that group (directly, or through a group nested under it).
 *
 * @public
 */
export const PORTAL_ROLES = [
  'peer',
  'peer-supporter',
  'coordinator',
  'team-leader',
  'manager',
  'staff',
] as const;

/** @public */
export type PortalRole = (typeof PORTAL_ROLES)[number];

/** The entity ref of the catalog group that stands for a role. @public */
export function roleGroupRef(role: PortalRole): string {
  return `group:default/${role}`;
}

const roleByGroupRef = new Map<string, PortalRole>(
  PORTAL_ROLES.map(role => [roleGroupRef(role), role]),
);

/**
 * The roles held by a signed-in user, read from the ownership refs of their
 * Backstage identity (which include the groups they are a member of).
 *
 * @public
 */
export function rolesFromOwnershipRefs(
  ownershipEntityRefs: readonly string[],
): PortalRole[] {
  const roles = new Set<PortalRole>();
  for (const ref of ownershipEntityRefs) {
    const role = roleByGroupRef.get(ref.toLocaleLowerCase('en-US'));
    if (role) {
      roles.add(role);
    }
  }
  return PORTAL_ROLES.filter(role => roles.has(role));
}

/** Whether a value names a portal role. @public */
export function isPortalRole(value: string): value is PortalRole {
  return (PORTAL_ROLES as readonly string[]).includes(value);
}
