import { Browser, Page, expect, test } from '@playwright/test';
import { apiAs, signInAs } from './helpers';

/*
 * Names, titles and texts with markup and script are shown as text on
 * every page that shows them (reliability suite, issue 10). Runs last: the
 * data it makes does not disturb the other end-to-end tests.
 */

const MARK = `x${Date.now()}`;
/** Each would set window.__xss if it ever became markup. */
const hostile = (where: string) =>
  `<img src=x onerror="window.__xss='${where}'"><script>window.__xss='${where}'</script>${MARK}`;

function dayAhead(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

async function personPage(browser: Browser, displayName: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', d => {
    dialogs.push(d.message());
    d.dismiss().catch(() => undefined);
  });
  await signInAs(page, displayName);
  return { page, dialogs };
}

/** The page shows the hostile text as text, and no script of it ran. */
async function showsAsText(page: Page, dialogs: string[], where: string) {
  await expect(page.getByText(MARK).first()).toBeVisible();
  await expect(
    page.getByText('<script>', { exact: false }).first(),
  ).toBeVisible();
  expect(await page.evaluate(() => (window as any).__xss)).toBeUndefined();
  expect(await page.locator(`img[src="x"]`).count()).toBe(0);
  expect(dialogs, where).toEqual([]);
}

test('markup and script in names, titles and texts are shown as text on every page', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const base = baseURL!;

  // Data with markup, through the API as each owner would enter it.
  const anders = await apiAs(base, 'anders.holm');
  const day = dayAhead(60);
  const created = await anders.post('/api/assignments/assignments', {
    data: {
      title: hostile('assignment title').slice(0, 120),
      type: 'share-story',
      description: hostile('assignment description'),
      unit: 'vgr-sahlgrenska-avd-367',
      contactName: hostile('contact').slice(0, 100),
      contactEmail: 'anders.holm@example.se',
      place: hostile('place').slice(0, 200),
      slots: [{ start: `${day}T10:00`, end: `${day}T12:00` }],
      estimatedHours: 2,
      peersWanted: 1,
      experienceWanted: 'either',
      language: 'sv',
      interestDeadline: dayAhead(50),
      costCentre: 'KS-1',
    },
  });
  expect(created.status()).toBe(201);
  const assignmentId = (await created.json()).id;

  const mia = await apiAs(base, 'mia.nordlund');
  const meeting = await mia.post('/api/network-meetings/meetings', {
    data: {
      title: hostile('meeting title'),
      kind: 'network-meeting',
      place: hostile('meeting place'),
      agenda: [hostile('agenda')],
      audience: 'everyone',
      start: `${dayAhead(30)}T18:00`,
      end: `${dayAhead(30)}T20:00`,
    },
  });
  expect(meeting.status()).toBe(201);
  const meetingId = (await meeting.json()).id;

  const omar = await apiAs(base, 'omar.haddad');
  const own = await (await omar.get('/api/peer-directory/profiles/me')).json();
  const { id: profileId, ...rest } = own;
  const updated = await omar.put('/api/peer-directory/profiles/me', {
    data: {
      displayName: `Omar ${MARK} <b>fet</b><script>window.__xss=1</script>`,
      region: rest.region,
      units: rest.units,
      languages: rest.languages,
      supportModes: rest.supportModes,
      topics: rest.topics,
      assignmentTypes: rest.assignmentTypes,
      availability: rest.availability,
      pausedUntil: rest.pausedUntil ?? null,
      experience: rest.experience ?? [],
      story: hostile('story'),
    },
  });
  expect(updated.status()).toBe(200);

  const sara = await apiAs(base, 'sara.ek');
  const interest = await sara.post('/api/peer-directory/interest', {
    data: { role: 'peer', region: 'jonkoping', message: hostile('interest') },
  });
  expect([201, 409]).toContain(interest.status());

  // The pages that show them (globalSetup waited for every demo user).
  const coordinator = await personPage(browser, 'Mia Nordlund');
  for (const [path, where] of [
    [`/assignments/${assignmentId}`, 'assignment page'],
    [`/assignments?q=${MARK}`, 'assignment board'],
    [`/network-meetings/meetings/${meetingId}`, 'meeting page'],
    [`/peer-directory/profile/${profileId}`, 'profile page'],
    ['/peer-directory/onboarding', 'onboarding'],
  ] as const) {
    await coordinator.page.goto(path);
    await showsAsText(coordinator.page, coordinator.dialogs, where);
  }
  await coordinator.page.goto('/network-meetings');
  await coordinator.page.getByRole('button', { name: 'Lista' }).click();
  await showsAsText(coordinator.page, coordinator.dialogs, 'meeting list');

  const peer = await personPage(browser, 'Åsa Lindqvist');
  await peer.page.goto(`/peer-directory?q=${MARK}`);
  await expect(peer.page.getByText(MARK).first()).toBeVisible();
  expect(await peer.page.evaluate(() => (window as any).__xss)).toBeUndefined();
  expect(peer.dialogs).toEqual([]);
});
