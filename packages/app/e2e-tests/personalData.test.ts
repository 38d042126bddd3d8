import { Browser, Page, expect, test } from '@playwright/test';
import { accessibilityViolations, apiAs, signInAs } from './helpers';

/*
 * A peer sees and downloads everything the portal holds about him, asks
 * for it to be erased, a coordinator confirms, and he is gone from every
 * part of the portal while the evaluation's figures stay as they were.
 * Omar Haddad's data is erased for good here, so this file runs after all
 * the others (its own project in playwright.config.ts).
 */

const FIGURES = [
  'assignmentsCompleted',
  'hours',
  'honorariaSek',
  'activePeers',
  'unitsUsingPeers',
  'meetingAttendance',
];

async function personPage(browser: Browser, displayName: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, displayName);
  return page;
}

/** The key figures of a manager's dashboard, as the page shows them. */
async function dashboardFigures(page: Page): Promise<string[]> {
  await page.goto('/evaluation');
  await expect(page.getByTestId('figure-assignmentsCompleted')).toBeVisible();
  return Promise.all(
    FIGURES.map(name => page.getByTestId(`figure-${name}`).innerText()),
  );
}

test('a peer exports his data, asks for erasure, a coordinator confirms, and he is gone while the dashboards stay the same', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const manager = await apiAs(baseURL!, 'helena.strand');
  const staff = await apiAs(baseURL!, 'peter.aberg');
  const omarApi = await apiAs(baseURL!, 'omar.haddad');
  const metrics = async () =>
    (await (await manager.get('/api/evaluation/metrics')).json()).totals;

  // The dashboards before (the evaluation has taken in the demo activity).
  await expect
    .poll(async () => (await metrics()).assignmentsCompleted)
    .not.toBe(0);
  const before = await metrics();
  const helena = await personPage(browser, 'Helena Strand');
  const figuresBefore = await dashboardFigures(helena);
  expect(
    (await (await staff.get('/api/peer-directory/profiles?q=Omar')).json())
      .items.length,
  ).toBeGreaterThan(0);

  // 1. Omar opens "Mina uppgifter" from the sidebar and sees every part.
  const omar = await personPage(browser, 'Omar Haddad');
  await omar
    .getByRole('navigation')
    .getByRole('link', { name: 'Mina uppgifter' })
    .click();
  await expect(
    omar.getByRole('heading', { level: 1, name: 'Mina uppgifter' }),
  ).toBeVisible();
  for (const part of ['Peerkatalogen', 'Uppdrag', 'Nätverksträffar']) {
    await expect(
      omar.getByRole('heading', { level: 3, name: part, exact: true }),
    ).toBeVisible();
  }
  await expect(
    omar.getByRole('table', { name: 'Dina samtycken' }),
  ).toBeVisible();
  await expect(omar.getByText('Glutenfritt').first()).toBeVisible();
  expect(await accessibilityViolations(omar)).toEqual([]);

  // ... and downloads it as one JSON document.
  const [download] = await Promise.all([
    omar.waitForEvent('download'),
    omar
      .getByRole('button', { name: 'Ladda ner mina uppgifter (JSON)' })
      .click(),
  ]);
  expect(download.suggestedFilename()).toMatch(
    /^mina-uppgifter-\d{4}-\d{2}-\d{2}\.json$/,
  );
  const file = JSON.parse(
    await new Promise<string>((resolve, reject) => {
      download.createReadStream().then(stream => {
        let text = '';
        stream.on('data', chunk => (text += chunk));
        stream.on('end', () => resolve(text));
        stream.on('error', reject);
      }, reject);
    }),
  );
  expect(file.person).toEqual({
    userRef: 'user:default/omar.haddad',
    displayName: 'Omar Haddad',
  });
  const parts = Object.fromEntries(
    file.plugins.map((p: any) => [p.pluginId, p]),
  );
  expect(parts['peer-directory'].status).toBe('ok');
  expect(parts.assignments.data.interests.length).toBeGreaterThan(0);
  expect(parts['network-meetings'].data.answers.length).toBeGreaterThan(0);

  // 2. He asks for erasure, after a confirmation.
  await omar.getByRole('button', { name: 'Begär radering' }).click();
  const ask = omar.getByRole('dialog', {
    name: 'Begära att dina uppgifter raderas?',
  });
  await expect(ask).toBeVisible();
  expect(await accessibilityViolations(omar)).toEqual([]);
  await ask.getByRole('button', { name: 'Ja, begär radering' }).click();
  await expect(omar.getByTestId('erasure-status')).toContainText(
    'Väntar på en samordnare',
  );

  // 3. A coordinator confirms it on the personal data page.
  const mia = await personPage(browser, 'Mia Nordlund');
  await mia
    .getByRole('navigation')
    .getByRole('link', { name: 'Personuppgifter' })
    .click();
  await expect(
    mia.getByRole('heading', { level: 1, name: 'Personuppgifter' }),
  ).toBeVisible();
  const requests = mia.getByRole('table', { name: 'Begäran om radering' });
  await expect(requests.getByText('Omar Haddad')).toBeVisible();
  expect(await accessibilityViolations(mia)).toEqual([]);
  await mia.getByRole('button', { name: 'Bekräfta: Omar Haddad' }).click();
  const confirm = mia.getByRole('dialog', {
    name: 'Radera uppgifterna om Omar Haddad?',
  });
  await confirm.getByRole('button', { name: 'Radera' }).click();
  await expect(
    mia.getByText('Uppgifterna om Omar Haddad är raderade.'),
  ).toBeVisible({ timeout: 60_000 });
  const report = mia.getByRole('table', {
    name: 'Vad varje del av portalen gjorde',
  });
  await expect(report.getByRole('row')).toHaveCount(5);
  await expect(report.getByText(/bokföringslagen/)).toBeVisible();
  expect(await accessibilityViolations(mia)).toEqual([]);

  // 4. Omar's profile, interests and answers are gone: API and pages.
  expect((await omarApi.get('/api/peer-directory/profiles/me')).status()).toBe(
    404,
  );
  const after = await (
    await omarApi.get('/api/personal-data/me/export')
  ).json();
  const left = Object.fromEntries(
    after.plugins.map((p: any) => [p.pluginId, p]),
  );
  expect(left['peer-directory'].status).toBe('none');
  expect(left['network-meetings'].status).toBe('none');
  expect(left.evaluation.status).toBe('none');
  expect(left.assignments.data.interests).toEqual([]);
  await omar.reload();
  await expect(omar.getByTestId('erasure-status')).toContainText('Raderad');
  await expect(omar.getByText('Glutenfritt')).toHaveCount(0);
  await omar.goto('/peer-directory/me');
  await expect(
    omar.getByRole('heading', { name: 'Vill du bli peer?' }),
  ).toBeVisible();

  // Nobody finds him in the directory.
  expect(
    (await (await staff.get('/api/peer-directory/profiles?q=Omar')).json())
      .items,
  ).toEqual([]);
  const peter = await personPage(browser, 'Peter Åberg');
  await peter.goto('/peer-directory?q=Omar');
  await expect(
    peter.getByText('Ingen matchar. Prova färre filter eller ett annat ord.'),
  ).toBeVisible();

  // 5. The dashboards' totals are what they were.
  expect(await metrics()).toEqual(before);
  expect(await dashboardFigures(helena)).toEqual(figuresBefore);
});

test('the personal data pages have no WCAG violation in English either', async ({
  browser,
}) => {
  const page = await personPage(browser, 'Karin Sjöberg');
  await page.getByRole('button', { name: 'In English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.goto('/personal-data');
  await expect(
    page.getByRole('heading', { level: 1, name: 'My data' }),
  ).toBeVisible();
  await expect(
    page.getByRole('heading', { name: 'Erase my data' }),
  ).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.goto('/personal-data/coordinator?tab=consents');
  await expect(
    page.getByRole('tab', { name: 'Consent changes' }),
  ).toHaveAttribute('aria-selected', 'true');
  await expect(
    page.getByRole('table', { name: 'Consent changes' }),
  ).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.getByRole('tab', { name: 'Retention' }).click();
  await expect(
    page.getByRole('button', { name: 'Apply the rules now' }),
  ).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
});
