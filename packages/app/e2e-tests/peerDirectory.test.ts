import { Browser, Page, expect, test } from '@playwright/test';
import { accessibilityViolations, signInAs } from './helpers';

const STORY =
  'Jag har själv vårdats inom psykiatrin och vet hur mycket ett samtal kan betyda.';

async function personPage(
  browser: Browser,
  displayName: string,
): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, displayName);
  return page;
}

async function chooseOption(page: Page, label: RegExp, option: string) {
  await page.getByRole('button', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('a coordinator onboards a person, who consents; a team leader finds them; withdrawal hides the story', async ({
  browser,
}) => {
  test.setTimeout(120_000);

  // 1. Leila registers her interest in becoming a peer supporter.
  const leila = await personPage(browser, 'Leila Karimi');
  await leila.goto('/peer-directory/me');
  await expect(
    leila.getByRole('heading', { name: 'Vill du bli peer?' }),
  ).toBeVisible();
  await expect(leila.getByText(/kan bli en allmän handling/)).toBeVisible();
  expect(await accessibilityViolations(leila)).toEqual([]);
  await chooseOption(leila, /Jag vill bli/, 'Peer supporter');
  await chooseOption(leila, /Min region/, 'Region Skåne');
  await leila
    .getByLabel('Några ord om dig själv (frivilligt)')
    .fill('Jag vill stötta andra.');
  await leila.getByRole('button', { name: 'Anmäl intresse' }).click();
  await expect(leila.getByText('Medlemskap: Intresseanmäld')).toBeVisible();

  // 2. Mia, a coordinator, records her training and activates her.
  const mia = await personPage(browser, 'Mia Nordlund');
  await mia.goto('/peer-directory/onboarding');
  const card = mia.getByRole('region', { name: 'Leila Karimi' });
  await expect(card).toBeVisible();
  await card.getByRole('button', { name: 'Registrera utbildning' }).click();
  await card.getByRole('button', { name: 'Spara' }).click();
  await expect(card.getByText(/NSPH:s peer support-utbildning/)).toBeVisible();
  await card.getByRole('button', { name: 'Aktivera' }).click();
  await expect(
    mia.getByText('Leila Karimi är nu aktiv i nätverket.'),
  ).toBeVisible();

  // 3. Leila completes her profile and consents to show her story.
  await leila.reload();
  await expect(leila.getByText('Medlemskap: Aktiv')).toBeVisible();
  await leila.getByLabel('Vuxenpsykiatri Malmö, avdelning 3').check();
  await leila.getByLabel('Walk-and-talk').check();
  await leila.getByLabel('Arabiska').check();
  await leila.getByLabel('Egen erfarenhet', { exact: true }).check();
  await leila.getByLabel('Din berättelse, med några meningar').fill(STORY);
  await leila.getByRole('button', { name: 'Spara profilen' }).click();
  await expect(leila.getByText('Din profil är sparad.')).toBeVisible();
  await leila.getByLabel('Visa min berättelse').check();
  await expect(leila.getByText('Ditt val är sparat.')).toBeVisible();
  expect(await accessibilityViolations(leila)).toEqual([]);

  // 4. Anders, a team leader, finds her by region and support mode.
  const anders = await personPage(browser, 'Anders Holm');
  await anders.goto('/peer-directory?region=skane&mode=walk-and-talk');
  await anders.getByRole('link', { name: 'Leila Karimi' }).click();
  await expect(
    anders.getByRole('heading', { level: 1, name: 'Leila Karimi' }),
  ).toBeVisible();
  await expect(anders.getByText(STORY)).toBeVisible();
  await expect(
    anders.getByText('Visas med personens samtycke, bara för personal.'),
  ).toBeVisible();
  expect(await accessibilityViolations(anders)).toEqual([]);

  // 5. Leila withdraws her consent; Anders no longer sees the story.
  await leila.getByLabel('Visa min berättelse').uncheck();
  await expect(leila.getByText(/Visa min berättelse – sa nej/)).toBeVisible();
  await anders.reload();
  await expect(
    anders.getByRole('heading', { level: 1, name: 'Leila Karimi' }),
  ).toBeVisible();
  await expect(anders.getByText(STORY)).toHaveCount(0);
});

test('a peer sees the directory without anyone’s lived experience', async ({
  page,
}) => {
  await signInAs(page, 'Omar Haddad');
  await page.goto('/peer-directory?q=Bergström');
  await page.getByRole('link', { name: 'Elin Bergström' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Elin Bergström' }),
  ).toBeVisible();
  await expect(page.getByText('Egen erfarenhet')).toHaveCount(0);
  await expect(page.getByText(/samtycke/)).toHaveCount(0);
  // No onboarding tab for a peer.
  await expect(page.getByRole('tab', { name: 'Nya medlemmar' })).toHaveCount(0);
});

test('the directory search page has no WCAG violation', async ({ page }) => {
  await signInAs(page, 'Sara Ek');
  await page.goto('/peer-directory');
  await expect(page.getByText(/\d+ personer/)).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
});
