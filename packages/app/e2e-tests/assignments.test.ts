import { Browser, Page, expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { accessibilityViolations, signInAs } from './helpers';

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

/** A day some weeks ahead, YYYY-MM-DD. */
function daysAhead(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

test('a unit books a peer; a coordinator publishes and selects; the peer is paid through the payroll export', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const title = `Berätta om återhämtning för personalen ${Date.now() % 100000}`;
  const workDate = daysAhead(45);

  // 1. Anders, a team leader, fills in the booking form.
  const anders = await personPage(browser, 'Anders Holm');
  await anders.goto('/assignments');
  await expect(anders.getByText(/Visar \d+ av \d+/)).toBeVisible();
  expect(await accessibilityViolations(anders)).toEqual([]);
  await anders.getByRole('button', { name: 'Boka en peer' }).click();
  await expect(
    anders.getByRole('heading', { level: 1, name: 'Boka en peer' }),
  ).toBeVisible();
  await expect(
    anders.getByText('Det du skickar kan bli en allmän handling.'),
  ).toBeVisible();
  expect(await accessibilityViolations(anders)).toEqual([]);

  await anders.getByLabel('Rubrik').fill(title);
  await chooseOption(
    anders,
    /^Typ av uppdrag/,
    'Dela sin berättelse för medarbetare',
  );
  await anders
    .getByLabel('Beskrivning', { exact: false })
    .first()
    .fill('Vi vill höra om vägen tillbaka, på vår arbetsplatsträff.');
  await chooseOption(
    anders,
    /^Enhet/,
    'Avdelning 367, Psykiatri Affektiva, Sahlgrenska',
  );
  await anders.getByLabel('Plats (adress)').fill('Blå stråket 15, Göteborg');
  await anders.getByLabel('Datum').fill(workDate);
  // An evening: the demo data books its peers in working hours only, so
  // Åsa is free whatever day the test runs.
  await anders.getByLabel('Starttid').fill('17:00');
  await anders.getByLabel('Sluttid').fill('19:45');
  await anders.getByLabel('Beräknat antal timmar').fill('3');
  await anders.getByLabel('Sista dag för intresseanmälan').fill(daysAhead(30));
  await anders.getByLabel('Kostnadsställe för arvodet').fill('KS-367');
  await anders.getByRole('button', { name: 'Skicka bokningen' }).click();
  await expect(
    anders.getByRole('heading', { level: 1, name: title }),
  ).toBeVisible();
  const url = anders.url();
  const published = await anders
    .getByText('Uppdraget är publicerat på anslagstavlan.')
    .isVisible();
  expect(await accessibilityViolations(anders)).toEqual([]);

  // 2. Karin, a coordinator, reviews it (unless it was published at once).
  const karin = await personPage(browser, 'Karin Sjöberg');
  if (published) {
    await karin.goto(`/assignments?q=${encodeURIComponent(title)}`);
    await karin.getByRole('link', { name: title }).click();
  } else {
    await expect(anders.getByText(/Bokningen är skickad/)).toBeVisible();
    await karin.goto('/assignments/review');
    await karin.getByRole('link', { name: title }).click();
    await karin.getByRole('button', { name: 'Publicera' }).click();
    await expect(karin.getByText('Uppdraget är publicerat.')).toBeVisible();
  }
  await expect(karin.getByText('Öppet', { exact: true })).toBeVisible();

  // 3. Åsa, a peer, finds it on the board and shows interest.
  const asa = await personPage(browser, 'Åsa Lindqvist');
  await asa.goto(`/assignments?q=${encodeURIComponent(title)}`);
  await asa.getByRole('link', { name: title }).click();
  await expect(
    asa.getByRole('heading', { level: 1, name: title }),
  ).toBeVisible();
  await asa
    .getByLabel('Meddelande till samordnaren (frivilligt)')
    .fill('Jag berättar gärna om min väg tillbaka.');
  await asa.getByRole('button', { name: 'Anmäl intresse' }).click();
  await expect(
    asa.getByText('Din intresseanmälan är registrerad.'),
  ).toBeVisible();
  expect(await accessibilityViolations(asa)).toEqual([]);

  // 4. Karin selects her.
  await karin.goto(url);
  await karin.getByRole('button', { name: 'Välj Åsa Lindqvist' }).click();
  await expect(karin.getByText('Åsa Lindqvist är vald.')).toBeVisible();
  expect(await accessibilityViolations(karin)).toEqual([]);

  // 5. After the work, Anders confirms the hours.
  await anders.goto(url);
  await anders.getByLabel('Faktiska timmar för Åsa Lindqvist').fill('3');
  await anders.getByLabel('Åsa Lindqvist reste till platsen').check();
  await anders.getByRole('button', { name: 'Bekräfta arbetet' }).click();
  await expect(anders.getByText('Arbetet är bekräftat.')).toBeVisible();

  // 6. Karin approves the honorarium: half day 1 000 kr + travel 200 kr.
  await karin.goto(url);
  await expect(karin.getByText('1 200,00 kr')).toBeVisible();
  await karin.getByRole('button', { name: 'Godkänn arvoden' }).click();
  await expect(karin.getByText('Arvodena är godkända.')).toBeVisible();

  // 7. Karin exports the payroll for the period.
  await karin.goto('/assignments/honoraria');
  await karin.getByLabel('Från', { exact: true }).fill(workDate);
  await karin.getByLabel('Till', { exact: true }).fill(workDate);
  await expect(karin.getByText(/Exporteras: \d+ arvoden?/)).toBeVisible();
  expect(await accessibilityViolations(karin)).toEqual([]);
  await karin.getByRole('button', { name: 'Exportera', exact: true }).click();
  const dialog = karin.getByRole('dialog');
  await expect(
    dialog.getByText(
      /Exportera \d+ arvoden? och markera (det|dem) som exporter(at|ade)\?/,
    ),
  ).toBeVisible();
  const [download] = await Promise.all([
    karin.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Exportera' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(
    `arvoden-${workDate}-${workDate}.csv`,
  );
  const csv = await readFile((await download.path())!, 'utf8');
  expect(csv).toContain('Åsa Lindqvist');
  expect(csv).toContain('1200,00');
  expect(csv).toContain(title);
  await expect(karin.getByText('Filen är nedladdad.')).toBeVisible();
  // Nothing is left to export for the period.
  await expect(
    karin.getByText('Inga godkända arvoden under perioden.'),
  ).toBeVisible();
});
