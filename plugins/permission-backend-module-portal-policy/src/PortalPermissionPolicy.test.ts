import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import {
  PORTAL_ROLES,
  PortalRole,
  portalAreaPermissions,
  roleGroupRef,
} from '@internal/plugin-portal-common';
import {
  networkMeetingsAnswerPermissions,
  networkMeetingsManagePermission,
} from '@internal/plugin-network-meetings-common';
import {
  personalDataManagePermission,
  personalDataOwnPermission,
} from '@internal/plugin-personal-data-common';
import { PortalPermissionPolicy } from './PortalPermissionPolicy';

function policyFor(roles: PortalRole[]) {
  const userEntityRef = 'user:default/test.person';
  return new PortalPermissionPolicy({
    userInfo: mockServices.userInfo({
      userEntityRef,
      ownershipEntityRefs: [userEntityRef, ...roles.map(roleGroupRef)],
    }),
  });
}

const asUser = {
  credentials: mockCredentials.user('user:default/test.person'),
  info: { userEntityRef: 'user:default/test.person', ownershipEntityRefs: [] },
};

describe('PortalPermissionPolicy', () => {
  it('denies a permission that no grant names, for every role', async () => {
    const unknown = createPermission({
      name: 'portal.unknown.delete',
      attributes: { action: 'delete' },
    });
    for (const role of PORTAL_ROLES) {
      await expect(
        policyFor([role]).handle({ permission: unknown }, asUser),
      ).resolves.toEqual({ result: AuthorizeResult.DENY });
    }
  });

  it('denies a request without a user', async () => {
    await expect(
      policyFor(['coordinator']).handle({
        permission: portalAreaPermissions.peerDirectory,
      }),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
  });

  it.each<[PortalRole, boolean]>([
    ['manager', true],
    ['team-leader', true],
    ['coordinator', true],
    ['peer-supporter', true],
    ['peer', true],
    ['staff', false],
  ])('evaluation area for %s: %s', async (role, allowed) => {
    await expect(
      policyFor([role]).handle(
        { permission: portalAreaPermissions.evaluation },
        asUser,
      ),
    ).resolves.toEqual({
      result: allowed ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
    });
  });

  it('grants the shared areas to everyone signed in, even without a role', async () => {
    await expect(
      policyFor([]).handle(
        { permission: portalAreaPermissions.networkMeetings },
        asUser,
      ),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });

  it.each<[string, PortalRole, boolean]>([
    ['peers', 'peer', true],
    ['peers', 'peer-supporter', false],
    ['peers', 'staff', false],
    ['peers', 'coordinator', true],
    ['peer-supporters', 'peer-supporter', true],
    ['peer-supporters', 'peer', false],
    ['everyone', 'staff', true],
  ])(
    'lets the audience %s be answered by %s: %s',
    async (audience, role, allowed) => {
      const permission =
        networkMeetingsAnswerPermissions[
          audience as keyof typeof networkMeetingsAnswerPermissions
        ];
      await expect(
        policyFor([role]).handle({ permission }, asUser),
      ).resolves.toEqual({
        result: allowed ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
      });
    },
  );

  it('lets only coordinators organise network meetings', async () => {
    for (const role of PORTAL_ROLES) {
      await expect(
        policyFor([role]).handle(
          { permission: networkMeetingsManagePermission },
          asUser,
        ),
      ).resolves.toEqual({
        result:
          role === 'coordinator' ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
      });
    }
  });

  it('lets everyone see and export their own data, and only coordinators decide erasures', async () => {
    for (const role of PORTAL_ROLES) {
      await expect(
        policyFor([role]).handle(
          { permission: personalDataOwnPermission },
          asUser,
        ),
      ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
      await expect(
        policyFor([role]).handle(
          { permission: personalDataManagePermission },
          asUser,
        ),
      ).resolves.toEqual({
        result:
          role === 'coordinator' ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
      });
    }
    await expect(
      policyFor([]).handle({ permission: personalDataOwnPermission }, asUser),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('grants by any one of several roles', async () => {
    await expect(
      policyFor(['staff', 'manager']).handle(
        { permission: portalAreaPermissions.evaluation },
        asUser,
      ),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });
});
