import AxeBuilder from '@axe-core/playwright';
import { APIRequestContext, Page, expect, request } from '@playwright/test';

/** Signs in through the sign-in page, as a person would, and waits for the home page. */
export async function signInAs(page: Page, displayName: string) {
  await page.goto('/');
  await page
    .getByRole('button', { name: `Logga in som ${displayName}` })
    .click();
  await expect(
    page.getByRole('heading', {
      level: 1,
      name: `Välkommen till peer support-portalen, ${displayName}`,
    }),
  ).toBeVisible();
}

/**
 * WCAG 2.1 A and AA violations on the current page, as readable lines.
 * Waits for the page's finite animations first: a dialog that is still
 * fading in has half-transparent text, which axe reports as low contrast.
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.evaluate(async () => {
    // Two frames, so that a transition React has just asked for has started.
    for (let frame = 0; frame < 2; frame++) {
      await new Promise(resolve => requestAnimationFrame(resolve));
    }
    await Promise.all(
      document
        .getAnimations()
        .filter(a =>
          Number.isFinite(Number(a.effect?.getComputedTiming().endTime)),
        )
        .map(a => a.finished.catch(() => undefined)),
    );
  });
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations.map(
    v =>
      `${v.id} (${v.impact}): ${v.help} – ${v.nodes
        .map(n => n.target.join(' '))
        .join(', ')}`,
  );
}

/** An API client with a demo user's token, for making data as that person. */
export async function apiAs(
  baseURL: string,
  username: string,
): Promise<APIRequestContext> {
  const anonymous = await request.newContext({ baseURL });
  const res = await anonymous.get('/api/auth/demo/refresh', {
    headers: { 'x-demo-user': username, 'X-Requested-With': 'XMLHttpRequest' },
  });
  expect(res.ok()).toBe(true);
  const token = (await res.json()).backstageIdentity.token as string;
  return request.newContext({
    baseURL,
    extraHTTPHeaders: { authorization: `Bearer ${token}` },
  });
}
