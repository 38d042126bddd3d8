import { expect, test } from '@playwright/test';
import { accessibilityViolations, signInAs } from './helpers';

test('a manager follows activity without anyone being picked out', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInAs(page, 'Helena Strand');
  await page.goto('/evaluation');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Utvärdering' }),
  ).toBeVisible();
  await expect(page.getByText('Stödsamtal').first()).toBeVisible();
  await expect(
    page.getByText(/betyder att siffran bygger på färre än fem/),
  ).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);

  // A unit with only three support sessions in the demo data: "<5".
  await page.goto('/evaluation?unit=vll-skelleftea-oppenvard');
  const sessions = page
    .locator('div')
    .filter({ has: page.getByText('Stödsamtal', { exact: true }) })
    .last();
  await expect(sessions.getByText('<5').first()).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
});
