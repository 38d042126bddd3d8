import { FullConfig } from '@playwright/test';
import { orgGroupCount, orgUsers } from './org';

/**
 * Waits until the catalog has loaded every user and every group of the
 * organisation file: the users sign in, the groups are the units that
 * bookings and session logs name.
 */
export default async function globalSetup(config: FullConfig) {
  const baseURL = config.projects[0].use.baseURL!;
  const users = orgUsers();
  const groups = orgGroupCount();
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      if (await loaded(baseURL, users[0].name, users.length, groups)) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      throw new Error(
        `The organisation did not load at ${baseURL} within 120 s`,
      );
    }
    await new Promise(r => setTimeout(r, 500));
  }
}

async function loaded(
  baseURL: string,
  someone: string,
  users: number,
  groups: number,
): Promise<boolean> {
  const list = await fetch(`${baseURL}/api/auth/demo/users`);
  if (!list.ok) return false;
  if (((await list.json()) as { users: unknown[] }).users.length < users) {
    return false;
  }
  const signIn = await fetch(`${baseURL}/api/auth/demo/refresh`, {
    headers: { 'x-demo-user': someone, 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!signIn.ok) return false;
  const { backstageIdentity } = (await signIn.json()) as {
    backstageIdentity: { token: string };
  };
  const res = await fetch(
    `${baseURL}/api/catalog/entities/by-query?filter=kind=group&limit=1`,
    { headers: { authorization: `Bearer ${backstageIdentity.token}` } },
  );
  if (!res.ok) return false;
  return ((await res.json()) as { totalItems: number }).totalItems >= groups;
}
