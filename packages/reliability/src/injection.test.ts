import ICAL from 'ical.js';
import { booking, ref, World } from './authz/requests';
import { startSuiteBackend, SuiteBackend } from './harness/backend';
import { Callers, USERS } from './harness/http';
import { ROUTES } from './routeTable';

jest.setTimeout(10 * 60_000);

/** Texts that try to become markup, formulas or calendar syntax. */
const FORMULAS = [
  '=HYPERLINK("http://evil.example","klicka")',
  '+46-SUM(A1:A9)',
  '-2+3',
  '@SUM(1)',
];

/** Whether a CSV cell would start a formula in a spreadsheet. */
function isFormula(cell: string): boolean {
  return /^[\s\u00a0]*[=+\-@\t\r]/.test(cell);
}

function csvCells(text: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        cell += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ';' || ch === '\n') {
      cells.push(cell.replace(/\r$/, ''));
      cell = '';
    } else {
      cell += ch;
    }
  }
  if (cell) cells.push(cell);
  return cells;
}

/** A safe attachment file name: plain letters, digits, dot, dash, underscore. */
function safeDisposition(header: string | null): boolean {
  return /^attachment; filename="[A-Za-z0-9._-]{1,120}"$/.test(header ?? '');
}

describe('injection and limits (SQLite)', () => {
  let backend: SuiteBackend;
  let callers: Callers;
  let world: World;

  beforeAll(async () => {
    backend = await startSuiteBackend({ databaseId: 'SQLITE_3' });
    callers = new Callers(backend.baseUrl);
    world = new World(callers);
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('neutralises formula cells in the payroll export, also behind spaces, with a safe file name', async () => {
    const coordinator = { user: USERS.coordinator[0] };
    for (const [i, title] of FORMULAS.entries()) {
      const created = await callers.send(
        { user: USERS['team-leader'][0] },
        {
          method: 'POST',
          path: '/api/assignments/assignments',
          body: booking({
            title: `${title} ${i}`,
            unit: 'vgr-sahlgrenska-avd-367',
            costCentre: i % 2 ? '-12-3' : 'KS-1',
          }),
        },
      );
      expect(created.status).toBe(201);
      const id = created.json.id;
      await world.showInterest(id, USERS.peer[0]);
      await world.select(id, USERS.peer[0]);
      for (const body of [
        {
          action: 'complete',
          peers: [{ userRef: ref(USERS.peer[0]), actualHours: 2 }],
        },
        { action: 'approve' },
      ]) {
        const step = await callers.send(coordinator, {
          method: 'POST',
          path: `/api/assignments/assignments/${id}/transitions`,
          body,
        });
        expect(step.status).toBe(200);
      }
    }
    const from = '2000-01-01';
    const to = '2100-12-31';
    const csv = await callers.send(coordinator, {
      method: 'GET',
      path: '/api/assignments/honoraria/export.csv',
      query: { from, to },
    });
    expect(csv.status).toBe(200);
    expect(safeDisposition(csv.headers.get('content-disposition'))).toBe(true);
    const cells = csvCells(csv.text.replace(/^\uFEFF/, ''));
    for (const title of FORMULAS) {
      expect(cells.some(c => c.includes(title))).toBe(true);
    }
    expect(cells.filter(isFormula)).toEqual([]);

    const evaluation = await callers.send(
      { user: USERS.manager[0] },
      { method: 'GET', path: '/api/evaluation/export.csv' },
    );
    expect(evaluation.status).toBe(200);
    expect(safeDisposition(evaluation.headers.get('content-disposition'))).toBe(
      true,
    );
    expect(
      csvCells(evaluation.text.replace(/^\uFEFF/, '')).filter(isFormula),
    ).toEqual([]);
  });

  it('writes calendar text with newlines, commas, semicolons and long Swedish words as valid iCalendar that parses back', async () => {
    const title =
      'Nätverksträff; kost, logi\\och "Återhämtningsutbildningsprogramsansvarighetskoordinatorsmöte" <b>fet</b>';
    const place = 'Storgatan 1, 553 16 Jönköping;\nRum 7 (hiss finns)';
    const agenda = [
      'Välkommen, fika; presentation\nav alla',
      'Ärendelista: Sjukvårdsförvaltningsövergripandeutvecklingsarbetet',
    ];
    const id = await world.meeting({ title, place, agenda });
    const ics = await callers.send(
      { user: USERS.staff[0] },
      { method: 'GET', path: `/api/network-meetings/meetings/${id}/ics` },
    );
    expect(ics.status).toBe(200);
    expect(safeDisposition(ics.headers.get('content-disposition'))).toBe(true);
    const lines = ics.text.split('\r\n');
    // CRLF line ends, and no line over 75 octets (folded without splitting a character).
    expect(ics.text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(lines.filter(l => Buffer.byteLength(l, 'utf8') > 75)).toEqual([]);
    const event = new ICAL.Component(ICAL.parse(ics.text)).getFirstSubcomponent(
      'vevent',
    )!;
    expect(event.getFirstPropertyValue('summary')).toBe(title);
    expect(event.getFirstPropertyValue('location')).toBe(place);
    const description = String(
      event.getFirstPropertyValue('description') ?? '',
    );
    for (const item of agenda) expect(description).toContain(item);
  });

  it('refuses a body over 64 kB with 413 on every route that reads JSON', async () => {
    const big = { x: 'å'.repeat(40_000) }; // 80 kB of UTF-8
    const wrong: string[] = [];
    for (const [route, entry] of Object.entries(ROUTES)) {
      if (!entry.body) continue;
      const [method, template] = route.split(' ');
      const path = template.replace(
        /:(\w+)/g,
        '00000000-0000-4000-8000-000000000000',
      );
      const answer = await callers.send(entry.fuzzAs ?? 'coordinator', {
        method,
        path,
        body: big,
      });
      if (answer.status !== 413 || !/body/.test(String(answer.message))) {
        wrong.push(`${route}: ${answer.status} ${answer.message}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('refuses limit over 100 with 400 naming limit on every list route', async () => {
    const lists = Object.entries(ROUTES).filter(([, entry]) => {
      const shape =
        (entry.query?.schema as any)?.shape ??
        (entry.query?.schema as any)?._zod?.def?.in?.shape;
      return entry.query && shape && 'limit' in shape;
    });
    expect(lists.length).toBeGreaterThanOrEqual(6);
    const wrong: string[] = [];
    for (const [route, entry] of lists) {
      const path = route.split(' ')[1];
      for (const limit of ['101', '1000000']) {
        const query: Record<string, string> = { limit };
        if (
          route.endsWith('/consent-changes') &&
          route.includes('peer-directory')
        ) {
          query.since = '2026-01-01T00:00:00Z';
        }
        const answer = await callers.send(entry.fuzzAs ?? 'coordinator', {
          method: 'GET',
          path,
          query,
        });
        // The services' fact feeds page in bigger steps: 1000 at most.
        const cap = route.endsWith('/api/assignments/facts') ? 1000 : 100;
        if (
          Number(limit) > cap &&
          (answer.status !== 400 || !/limit/.test(String(answer.message)))
        ) {
          wrong.push(
            `${route}?limit=${limit}: ${answer.status} ${answer.message}`,
          );
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('refuses an address over 16 kB and goes on serving', async () => {
    const res = await fetch(
      `${backend.baseUrl}/api/assignments/assignments?q=${'x'.repeat(20_000)}`,
      { headers: await callers.authorization('peer') },
    ).catch(() => undefined);
    // 431, or the connection closed before the address was read.
    expect([431, undefined]).toContain(res?.status);
    const after = await callers.send('peer', {
      method: 'GET',
      path: '/api/assignments/summary',
    });
    expect(after.status).toBe(200);
  });
});
