import {
  BackstageCredentials,
  BackstageUserPrincipal,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import express from 'express';

/** Credentials of a signed-in person. @public */
export type UserCredentials = BackstageCredentials<BackstageUserPrincipal>;

/**
 * The access checks every plugin router makes: who is signed in, and which
 * of the plugin's permissions the policy grants them (one authorize call
 * for several permissions).
 * @public
 */
export function portalAccess(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
}) {
  const { httpAuth, permissions } = options;

  /** The signed-in person making the request (401 for anyone else). */
  async function user(req: express.Request): Promise<UserCredentials> {
    return (await httpAuth.credentials(req, {
      allow: ['user'],
    })) as UserCredentials;
  }

  /** Whether each permission is granted, in order. */
  async function allowedEach(
    credentials: BackstageCredentials,
    list: BasicPermission[],
  ): Promise<boolean[]> {
    const decisions = await permissions.authorize(
      list.map(permission => ({ permission })),
      { credentials },
    );
    return decisions.map(d => d.result === AuthorizeResult.ALLOW);
  }

  async function allowed(
    credentials: BackstageCredentials,
    permission: BasicPermission,
  ): Promise<boolean> {
    return (await allowedEach(credentials, [permission]))[0];
  }

  /** 403 naming the permission unless it is granted. */
  async function require(
    credentials: BackstageCredentials,
    permission: BasicPermission,
  ): Promise<void> {
    if (!(await allowed(credentials, permission))) {
      throw new NotAllowedError(`Not allowed: ${permission.name}`);
    }
  }

  return { user, allowed, allowedEach, require };
}

/**
 * The catalog group names among a person's ownership refs (their units and
 * role groups): `group:default/skane-malmo-avd-3` → `skane-malmo-avd-3`.
 * @public
 */
export function groupNames(ownershipEntityRefs: string[]): string[] {
  return ownershipEntityRefs
    .map(ref => ref.toLocaleLowerCase('en-US'))
    .filter(ref => ref.startsWith('group:default/'))
    .map(ref => ref.slice('group:default/'.length));
}
