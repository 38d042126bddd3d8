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
  /**
   * How long the decisions for one token are reused (default 10 s; 0 turns
   * it off). A decision on a basic permission depends only on the token's
   * claims and the policy, so one token asks the permission backend once
   * per period instead of once or twice per request: that round trip (an
   * HTTP call with a signed service token, through the whole middleware
   * stack) was most of a route's cost under load (docs/benchmarks.md).
   */
  decisionTtlMs?: number;
}) {
  const { httpAuth, permissions } = options;
  const ttl = options.decisionTtlMs ?? 10_000;
  /** The token each request's credentials came from. */
  const tokens = new WeakMap<BackstageCredentials, string>();
  /** Decisions by token, then by permission name; with when they expire. */
  const decided = new Map<
    string,
    { until: number; answers: Map<string, boolean> }
  >();

  /** The signed-in person making the request (401 for anyone else). */
  async function user(req: express.Request): Promise<UserCredentials> {
    const credentials = (await httpAuth.credentials(req, {
      allow: ['user'],
    })) as UserCredentials;
    const header = req.headers.authorization;
    if (ttl > 0 && header?.startsWith('Bearer ')) {
      tokens.set(credentials, header.slice(7));
    }
    return credentials;
  }

  /** Whether each permission is granted, in order. */
  async function allowedEach(
    credentials: BackstageCredentials,
    list: BasicPermission[],
  ): Promise<boolean[]> {
    const token = tokens.get(credentials);
    const now = Date.now();
    let known = token ? decided.get(token) : undefined;
    if (known && known.until <= now) known = undefined;
    const answered = list.map(p => known?.answers.get(p.name));
    const missing = list.filter((_p, i) => answered[i] === undefined);
    if (!missing.length) return answered as boolean[];
    const decisions = await permissions.authorize(
      missing.map(permission => ({ permission })),
      { credentials },
    );
    const answers = decisions.map(d => d.result === AuthorizeResult.ALLOW);
    if (token) {
      if (!known) {
        if (decided.size >= 2_000) decided.clear();
        known = { until: now + ttl, answers: new Map() };
        decided.set(token, known);
      }
      for (const [i, p] of missing.entries()) {
        known.answers.set(p.name, answers[i]);
      }
    }
    let next = 0;
    return answered.map(a => a ?? answers[next++]);
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
