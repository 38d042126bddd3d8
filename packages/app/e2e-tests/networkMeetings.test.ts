import { Browser, Page, expect, request, test } from '@playwright/test';
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

/** A day some weeks ahead, YYYY-MM-DD, in Stockholm. */
function dayAhead(days: number): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
  }).format(new Date(Date.now() + days * 24 * 3600_000));
}

test('a coordinator creates a meeting with 2 places; the third yes waits, gets the place when someone cancels, and finds it in the feed', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const title = `Nätverksträff e2e ${Date.now()}`;

  // 1. Mia, a coordinator, opens the calendar and creates a meeting.
  const mia = await personPage(browser, 'Mia Nordlund');
  await mia.goto('/network-meetings');
  await expect(
    mia.getByRole('heading', { level: 1, name: 'Nätverksträffar' }),
  ).toBeVisible();
  await expect(mia.getByRole('columnheader').first()).toBeVisible();
  expect(await accessibilityViolations(mia)).toEqual([]);
  await mia.getByRole('button', { name: 'Lista' }).click();
  await expect(
    mia.getByRole('link', { name: 'Vårens nätverksträff i Västra Götaland' }),
  ).toBeVisible();
  expect(await accessibilityViolations(mia)).toEqual([]);

  await mia.getByRole('button', { name: 'Ny träff' }).click();
  await expect(
    mia.getByRole('heading', { level: 1, name: 'Ny träff' }),
  ).toBeVisible();
  // Validation names what is missing.
  await mia.getByRole('button', { name: 'Skapa träff' }).click();
  await expect(mia.getByText('Fyll i det här').first()).toBeVisible();
  expect(await accessibilityViolations(mia)).toEqual([]);
  await mia.getByLabel('Rubrik').fill(title);
  await mia.getByLabel(/^Datum/).fill(dayAhead(20));
  await mia.getByLabel('Börjar').fill('18:00');
  await mia.getByLabel('Slutar').fill('20:00');
  await mia.getByLabel('Plats', { exact: true }).fill('Ryhov, Jönköping');
  await mia.getByLabel('Antal platser (tomt för ingen gräns)').fill('2');
  await mia
    .getByLabel('Program, en punkt per rad')
    .fill('Erfarenhetsutbyte\nÖppna uppdrag');
  await mia.getByRole('button', { name: 'Skapa träff' }).click();
  await expect(
    mia.getByRole('heading', { level: 1, name: title }),
  ).toBeVisible();
  await expect(mia.getByText(/kl\. 18:00–20:00/)).toBeVisible();
  const meetingUrl = new URL(mia.url()).pathname;
  expect(meetingUrl).toMatch(/^\/network-meetings\/meetings\/[0-9a-f-]{36}$/);

  // 2. Three people answer yes: the third is waitlisted.
  const answerYes = async (name: string, expected: string) => {
    const page = await personPage(browser, name);
    await page.goto(meetingUrl);
    await expect(
      page.getByRole('heading', { level: 1, name: title }),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Ja, jag kommer' }).click();
    await expect(page.getByTestId('rsvp-status')).toHaveText(expected);
    return page;
  };
  const asa = await answerYes('Åsa Lindqvist', 'Du har en plats');
  expect(await accessibilityViolations(asa)).toEqual([]);
  await answerYes('Omar Haddad', 'Du har en plats');
  const elin = await answerYes(
    'Elin Bergström',
    'Du står på väntelistan som nummer 1',
  );

  // The organiser sees all three.
  await mia.reload();
  await expect(
    mia.getByRole('heading', { name: 'Vilka som svarat' }),
  ).toBeVisible();
  await expect(mia.getByText('väntelista nr 1')).toBeVisible();
  expect(await accessibilityViolations(mia)).toEqual([]);

  // 3. Åsa cancels; Elin gets the place and sees it.
  await asa.getByRole('button', { name: 'Nej' }).click();
  await expect(asa.getByTestId('rsvp-status')).toHaveText('Du har tackat nej');
  await elin.reload();
  await expect(elin.getByTestId('rsvp-status')).toHaveText('Du har en plats');

  // 4. Elin's private feed has the meeting, without signing in.
  await elin.getByRole('link', { name: 'Tillbaka till kalendern' }).click();
  await elin.getByRole('button', { name: 'Prenumerera' }).click();
  await elin
    .getByRole('button', { name: 'Skapa en prenumerationsadress' })
    .click();
  const feedUrl = await elin
    .getByLabel('Din prenumerationsadress')
    .inputValue();
  expect(feedUrl).toMatch(/\/api\/network-meetings\/feeds\/[\w-]{43}\.ics$/);
  expect(await accessibilityViolations(elin)).toEqual([]);
  const anonymous = await request.newContext();
  const feed = await anonymous.get(feedUrl);
  expect(feed.status()).toBe(200);
  const text = (await feed.text()).replace(/\r\n[ \t]/g, '');
  expect(text).toContain(`SUMMARY:${title}`);
  expect(text).toContain(
    `DTSTART;TZID=Europe/Stockholm:${dayAhead(20).replace(/-/g, '')}T180000`,
  );
  await anonymous.dispose();
});
