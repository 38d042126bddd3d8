import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import express from 'express';
import { portalAccess } from './access';

const read = createPermission({ name: 'x.read', attributes: {} });
const manage = createPermission({ name: 'x.manage', attributes: {} });

function setup(decisionTtlMs?: number) {
  const authorize = jest.fn(async (requests: Array<{ permission: any }>) =>
    requests.map(r => ({
      result:
        r.permission.name === 'x.read'
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
    })),
  );
  const httpAuth = {
    credentials: async (req: express.Request) =>
      ({
        $$type: '@backstage/BackstageCredentials',
        principal: { type: 'user', userEntityRef: String(req.headers.who) },
      } as BackstageCredentials),
  } as unknown as HttpAuthService;
  const access = portalAccess({
    httpAuth,
    permissions: { authorize } as unknown as PermissionsService,
    decisionTtlMs,
  });
  const request = (token: string) =>
    ({
      headers: { authorization: `Bearer ${token}`, who: token },
    } as unknown as express.Request);
  return { access, authorize, request };
}

describe('portalAccess', () => {
  afterEach(() => jest.useRealTimers());

  it('asks the permission backend once per token and period', async () => {
    jest.useFakeTimers({ now: 0 });
    const { access, authorize, request } = setup();
    const first = await access.user(request('token-a'));
    expect(await access.allowedEach(first, [read, manage])).toEqual([
      true,
      false,
    ]);
    // A later request with the same token: no new call, same answers.
    const again = await access.user(request('token-a'));
    expect(await access.allowedEach(again, [manage, read])).toEqual([
      false,
      true,
    ]);
    expect(await access.allowed(again, read)).toBe(true);
    expect(authorize).toHaveBeenCalledTimes(1);
    // Another token is asked for.
    await access.allowedEach(await access.user(request('token-b')), [read]);
    expect(authorize).toHaveBeenCalledTimes(2);
    // After the period, the same token is asked again.
    jest.setSystemTime(10_001);
    await access.allowedEach(await access.user(request('token-a')), [read]);
    expect(authorize).toHaveBeenCalledTimes(3);
  });

  it('asks only for the permissions it does not know yet', async () => {
    const { access, authorize, request } = setup();
    const credentials = await access.user(request('token-a'));
    await access.allowedEach(credentials, [read]);
    await access.allowedEach(credentials, [read, manage]);
    expect(authorize).toHaveBeenLastCalledWith([{ permission: manage }], {
      credentials,
    });
  });

  it('asks every time with a period of 0, and for credentials it did not see', async () => {
    const off = setup(0);
    const credentials = await off.access.user(off.request('token-a'));
    await off.access.allowedEach(credentials, [read]);
    await off.access.allowedEach(credentials, [read]);
    expect(off.authorize).toHaveBeenCalledTimes(2);

    const on = setup();
    const foreign = { principal: {} } as BackstageCredentials;
    await on.access.allowedEach(foreign, [read]);
    await on.access.allowedEach(foreign, [read]);
    expect(on.authorize).toHaveBeenCalledTimes(2);
  });

  it('still says 403 naming the permission', async () => {
    const { access, request } = setup();
    const credentials = await access.user(request('token-a'));
    await expect(access.require(credentials, manage)).rejects.toThrow(
      'Not allowed: x.manage',
    );
    await expect(access.require(credentials, manage)).rejects.toThrow(
      'Not allowed: x.manage',
    );
  });
});
