import { Page, expect, test } from '@playwright/test';
import { accessibilityViolations, signInAs } from './helpers';

/*
 * Runs after assignments.test.ts, on the same backend: there a team leader
 * of Avdelning 367 at Sahlgrenska booked a peer, Åsa Lindqvist, for an
 * evening 45 days ahead; she worked 3 hours and her honorarium was
 * approved. The assignment board published each step on the events
 * service (`assignments.activity`), which the evaluation ingests before
 * the board answers; the scheduled pull of GET /api/assignments/facts
 * would catch up on anything missed, so the checks below reload until the
 * figures are there rather than waiting a fixed time.
 */

const UNIT = 'vgr-sahlgrenska-avd-367';
const UNIT_TITLE = 'Avdelning 367, Psykiatri Affektiva, Sahlgrenska';

/** The month (YYYY-MM) of the day the assignment test booked, and its neighbours. */
function months() {
  const month = (days: number) =>
    new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 7);
  const work = month(45);
  const [y, m] = work.split('-').map(Number);
  const shift = (n: number) => {
    const i = y * 12 + m - 1 + n;
    return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
  };
  return { before: shift(-1), work, after: shift(1) };
}

/** A month as the Swedish dashboard names it, formatted by the browser itself. */
function monthLabel(page: Page, month: string): Promise<string> {
  return page.evaluate(
    ([year, m]) =>
      new Intl.DateTimeFormat('sv-SE', {
        month: 'short',
        year: 'numeric',
        timeZone: 'UTC',
      }).format(Date.UTC(year, m - 1, 15)),
    [Number(month.slice(0, 4)), Number(month.slice(5, 7))] as const,
  );
}

/** A row of a table (a chart's table alternative), by its first cell. */
function row(page: Page, table: RegExp, name: string) {
  return page
    .getByRole('table', { name: table })
    .getByRole('row', { name, exact: false });
}

test('a manager sees the completed assignment in its month and unit, and "<5" where few people are behind a figure', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const { before, work, after } = months();
  await signInAs(page, 'Helena Strand');

  // The unit's trend around the work month: one peer's assignment is shown
  // as "<5", never as 1.
  const url = `/evaluation?from=${before}&to=${after}&unit=${UNIT}`;
  await page.goto(url);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Utvärdering' }),
  ).toBeVisible();
  const trend = /^Genomförda uppdrag per Månad/;
  const workLabel = await monthLabel(page, work);
  await expect(async () => {
    await page.goto(url);
    await expect(row(page, trend, workLabel).locator('td')).toHaveText(['<5'], {
      timeout: 10_000,
    });
  }).toPass({ timeout: 90_000, intervals: [1000, 2000, 5000] });
  // The month after has nothing yet (the month before may have demo data
  // when the work month is next month).
  await expect(
    row(page, trend, await monthLabel(page, after)).locator('td'),
  ).toHaveText(['0']);
  // The unit is named by its title in the filter, not by its code.
  const unitFilter = page.getByLabel('Enhet', { exact: true });
  await expect(unitFilter).toHaveValue(UNIT);
  await expect(unitFilter.locator('option:checked')).toHaveText(UNIT_TITLE);

  // The breakdown by unit for the work month lists that unit, by title.
  await page.goto(`/evaluation?from=${work}&to=${work}`);
  await page.getByRole('tab', { name: 'Per enhet' }).click();
  const byUnit = page.getByRole('table', { name: /^Nyckeltal per enhet/ });
  await expect(byUnit.getByRole('row', { name: UNIT_TITLE })).toContainText(
    '<5',
  );
  await expect(byUnit.getByText(UNIT, { exact: true })).toHaveCount(0);
  expect(await accessibilityViolations(page)).toEqual([]);

  // A unit with only three support sessions in the demo data: "<5".
  await page.goto('/evaluation?unit=vll-skelleftea-oppenvard');
  await expect(page.getByTestId('figure-supportSessions')).toHaveText('<5');
  await expect(
    page.getByText(/betyder att siffran bygger på färre än fem/),
  ).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);

  // The report for printing: the same filters, every figure as a table.
  await page.goto(`/evaluation/report?from=${before}&to=${after}&unit=${UNIT}`);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Utvärderingsrapport' }),
  ).toBeVisible();
  await expect(page.getByText(UNIT_TITLE).first()).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
});

test('the peer sees her own assignment counted exactly, in its month', async ({
  page,
}) => {
  const { work } = months();
  await signInAs(page, 'Åsa Lindqvist');
  await page.goto(`/evaluation?from=${work}&to=${work}`);
  await expect(page.getByText('Endast dina egna siffror')).toBeVisible();
  await expect(page.getByTestId('figure-assignmentsCompleted')).toHaveText('1');
  await expect(page.getByTestId('figure-hours')).toHaveText('3,0');
  expect(await accessibilityViolations(page)).toEqual([]);
});

test('a team leader sees their own unit only, in English too', async ({
  page,
}) => {
  const { work } = months();
  await signInAs(page, 'Anders Holm');
  await page.goto(`/evaluation?from=${work}&to=${work}`);
  await expect(page.getByText(`Dina enheter: ${UNIT_TITLE}`)).toBeVisible();
  await page.getByRole('tab', { name: 'Per enhet' }).click();
  const byUnit = page.getByRole('table', { name: /^Nyckeltal per enhet/ });
  await expect(byUnit.getByRole('row')).toHaveCount(2);
  await expect(byUnit.getByRole('row', { name: UNIT_TITLE })).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);

  await page.evaluate(() => localStorage.setItem('language', 'en'));
  await page.reload();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Evaluation' }),
  ).toBeVisible();
  await expect(page.getByText(`Your units: ${UNIT_TITLE}`)).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
});

test('a peer supporter logs a support session for her own unit', async ({
  page,
}) => {
  await signInAs(page, 'Elin Bergström');
  await page.goto('/evaluation/sessions');
  await expect(
    page.getByRole('heading', { level: 2, name: 'Registrera stödsamtal' }),
  ).toBeVisible();
  // Only the unit she works in, by its title.
  const unit = page.getByLabel(/^Enhet/);
  await expect(unit.locator('option')).toHaveText([
    'Vuxenpsykiatri Malmö, avdelning 3',
  ]);
  await page.getByLabel(/^Var/).selectOption('video');
  await page.getByLabel(/^Längd/).fill('50');
  await page.getByRole('button', { name: 'Spara samtalet' }).click();
  await expect(page.getByText('Samtalet är sparat.')).toBeVisible();
  await expect(
    page
      .getByRole('listitem')
      .filter({ hasText: 'Videosamtal · 50 min' })
      .first(),
  ).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
});

test('a manager enters outcome indicators on an accessible page', async ({
  page,
}) => {
  await signInAs(page, 'Helena Strand');
  await page.goto('/evaluation/outcomes');
  await expect(
    page.getByRole('heading', { level: 2, name: 'Registrera utfallsmått' }),
  ).toBeVisible();
  await expect(page.getByLabel(/^Enhet/).locator('optgroup')).not.toHaveCount(
    0,
  );
  expect(await accessibilityViolations(page)).toEqual([]);
});
