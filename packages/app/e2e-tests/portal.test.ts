import { expect, test } from '@playwright/test';
import { accessibilityViolations, signInAs } from './helpers';
import { orgUsers } from './org';

const AREAS = ['Peerkatalog', 'Uppdrag', 'Nätverksträffar', 'Utvärdering'];

/** Which areas a person's roles show in the navigation (see the policy's grants). */
function expectedAreas(roles: string[]): string[] {
  const seesEvaluation = roles.some(r => r !== 'staff');
  return AREAS.filter(a => a !== 'Utvärdering' || seesEvaluation);
}

test('the sign-in page lists the demo users by role, in Swedish, with no WCAG violation', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Logga in' })).toBeVisible();
  for (const role of [
    'Peer',
    'Peer supporter',
    'Samordnare',
    'Teamledare',
    'Chef',
    'Personal',
  ]) {
    await expect(
      page.getByRole('heading', { level: 3, name: role, exact: true }),
    ).toBeVisible();
  }
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  expect(await accessibilityViolations(page)).toEqual([]);
});

for (const user of orgUsers()) {
  test(`${user.displayName} (${user.roles.join(
    ', ',
  )}) signs in and sees the navigation of that role`, async ({ page }) => {
    await signInAs(page, user.displayName);
    const nav = page.getByRole('navigation');
    const expected = expectedAreas(user.roles);
    for (const area of AREAS) {
      const link = nav.getByRole('link', { name: area, exact: true });
      if (expected.includes(area)) {
        await expect(link).toBeVisible();
      } else {
        await expect(link).toHaveCount(0);
      }
    }
    await expect(nav.getByRole('link', { name: 'Start' })).toBeVisible();
  });
}

test('the home page has no WCAG 2.1 A/AA violation', async ({ page }) => {
  await signInAs(page, 'Mia Nordlund');
  await expect(page.getByRole('heading', { name: 'I portalen' })).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
});

test('the language switch turns the portal into English and back', async ({
  page,
}) => {
  await signInAs(page, 'Åsa Lindqvist');
  await page.getByRole('button', { name: 'In English' }).click();
  await expect(
    page.getByRole('heading', {
      level: 1,
      name: 'Welcome to the peer support portal, Åsa Lindqvist',
    }),
  ).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(
    page.getByRole('navigation').getByRole('link', { name: 'Assignments' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'På svenska' }).click();
  await expect(
    page.getByRole('navigation').getByRole('link', { name: 'Uppdrag' }),
  ).toBeVisible();
});

test('the accessibility statement is one click away, in Swedish', async ({
  page,
}) => {
  await signInAs(page, 'Peter Åberg');
  await page.getByRole('link', { name: 'Tillgänglighet' }).click();
  await expect(
    page.getByRole('heading', {
      name: 'Tillgänglighet för peer support-portalen',
    }),
  ).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
});

test('an area the role may not open says so instead of showing it', async ({
  page,
}) => {
  await signInAs(page, 'Peter Åberg');
  await page.goto('/evaluation');
  await expect(
    page.getByRole('heading', {
      level: 1,
      name: 'Du har inte tillgång till den här sidan',
    }),
  ).toBeVisible();
  await expect(page.getByText('Utvärdering')).toHaveCount(0);
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.getByRole('link', { name: 'Till startsidan' }).click();
  await expect(page).toHaveURL(/\/$/);
});

test('a person can sign in with the keyboard alone, and sign out again', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Logga in' })).toBeVisible();
  await expect(page.getByTestId('demo-user-asa.lindqvist')).toBeVisible();
  let reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(
      () =>
        document.activeElement?.getAttribute('data-testid') ===
        'demo-user-asa.lindqvist',
    );
  }
  expect(reached).toBe(true);
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('heading', {
      level: 1,
      name: 'Välkommen till peer support-portalen, Åsa Lindqvist',
    }),
  ).toBeVisible();

  await page.getByRole('link', { name: 'Inställningar' }).first().click();
  await expect(page.getByText('Profil', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: /more/i }).click();
  await page.getByRole('menuitem', { name: 'Logga ut' }).click();
  await expect(page.getByRole('heading', { name: 'Logga in' })).toBeVisible();
  expect(
    await page.evaluate(() => localStorage.getItem('peer-portal:demo-user')),
  ).toBeNull();
});
