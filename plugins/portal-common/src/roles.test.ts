import { rolesFromOwnershipRefs, roleGroupRef, isPortalRole } from './roles';

describe('rolesFromOwnershipRefs', () => {
  it('reads the role groups among the ownership refs, in a fixed order', () => {
    expect(
      rolesFromOwnershipRefs([
        'user:default/maria.lindqvist',
        'group:default/manager',
        'group:default/psykiatri-skane',
        'group:default/coordinator',
      ]),
    ).toEqual(['coordinator', 'manager']);
  });

  it('ignores case and unknown groups, and gives no role for none', () => {
    expect(rolesFromOwnershipRefs(['Group:Default/Peer'])).toEqual(['peer']);
    expect(rolesFromOwnershipRefs(['group:default/admins'])).toEqual([]);
    expect(rolesFromOwnershipRefs([])).toEqual([]);
  });

  it('does not take a group in another namespace for a role', () => {
    expect(rolesFromOwnershipRefs(['group:other/coordinator'])).toEqual([]);
  });

  it('names role groups and recognises role names', () => {
    expect(roleGroupRef('team-leader')).toBe('group:default/team-leader');
    expect(isPortalRole('manager')).toBe(true);
    expect(isPortalRole('admin')).toBe(false);
  });
});
