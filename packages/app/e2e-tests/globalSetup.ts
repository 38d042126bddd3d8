import { FullConfig } from '@playwright/test';
import { orgUsers } from './org';

/** Waits until the catalog has loaded every demo user of the organisation file. */
export default async function globalSetup(config: FullConfig) {
  const baseURL = config.projects[0].use.baseURL!;
  const expected = orgUsers().length;
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      const res = await fetch(`${baseURL}/api/auth/demo/users`);
      if (res.ok) {
        const { users } = (await res.json()) as { users: unknown[] };
        if (users.length >= expected) {
          return;
        }
      }
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      throw new Error(`The demo users did not load at ${baseURL} within 120 s`);
    }
    await new Promise(r => setTimeout(r, 500));
  }
}
