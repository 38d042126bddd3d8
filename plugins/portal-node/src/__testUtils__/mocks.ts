import { mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';

/**
 * A permissions service for router tests that decides as the portal's
 * policy would from a person's role: a permission is granted to `'all'`
 * signed-in people or to the roles listed; anything unlisted is denied.
 */
export function rolePermissionsMock(
  roleOf: (userEntityRef: string) => string | undefined,
  grants: Record<string, readonly string[] | 'all'>,
) {
  return mockServices.permissions.mock({
    async authorize(requests, options) {
      const principal = options.credentials.principal as {
        userEntityRef?: string;
      };
      const role = roleOf(principal.userEntityRef ?? '');
      return requests.map(r => {
        const grant = grants[(r.permission as BasicPermission).name];
        const allow = grant === 'all' || (!!role && !!grant?.includes(role));
        return { result: allow ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
      }) as any;
    },
  });
}

/** An auditor for router tests that records the id of every event. */
export function recordingAuditorMock(eventIds: string[]) {
  return mockServices.auditor.mock({
    async createEvent(options) {
      eventIds.push(options.eventId);
      return { success: async () => {}, fail: async () => {} };
    },
  });
}
