import { UserInfoService } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { rolesFromOwnershipRefs } from '@internal/plugin-portal-common';
import { Grant, PORTAL_GRANTS, SIGNED_IN } from './grants';

/**
 * Maps the portal's role groups to permissions. Deny by default: a
 * permission that no grant names, a caller with no user, and a user with
 * none of the granted roles are all denied.
 */
export class PortalPermissionPolicy implements PermissionPolicy {
  constructor(
    private readonly options: {
      userInfo: UserInfoService;
      grants?: Readonly<Record<string, Grant>>;
    },
  ) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const grants = this.options.grants ?? PORTAL_GRANTS;
    const grant = grants[request.permission.name];
    if (!grant || !user) {
      return { result: AuthorizeResult.DENY };
    }
    if (grant === SIGNED_IN) {
      return { result: AuthorizeResult.ALLOW };
    }
    const { ownershipEntityRefs } = await this.options.userInfo.getUserInfo(
      user.credentials,
    );
    const roles = rolesFromOwnershipRefs(ownershipEntityRefs);
    return {
      result: roles.some(role => grant.includes(role))
        ? AuthorizeResult.ALLOW
        : AuthorizeResult.DENY,
    };
  }
}
