import { booking } from './authz/requests';
import {
  startSuiteBackend,
  SuiteBackend,
  testDatabaseIds,
} from './harness/backend';
import { Callers, USERS } from './harness/http';
import { writeResult } from './harness/results';

jest.setTimeout(10 * 60_000);

/** PostgreSQL when configured (what replicas share in production), else SQLite files. */
const databaseId = testDatabaseIds().includes('POSTGRES_15')
  ? 'POSTGRES_15'
  : 'SQLITE_3';

describe(`rate limits across two replicas on ${databaseId}`, () => {
  let first: SuiteBackend;
  let second: SuiteBackend;
  const config = {
    assignments: { rateLimit: { bookings: { max: 3, windowSeconds: 3600 } } },
    peerDirectory: { rateLimit: { interest: { max: 2, windowSeconds: 3600 } } },
  };

  beforeAll(async () => {
    first = await startSuiteBackend({
      databaseId,
      demoData: false,
      config,
      keepData: true,
    });
    // A second backend on the same databases, as a second replica.
    second = await startSuiteBackend({
      databaseId,
      demoData: false,
      config,
      keepData: true,
      databases: first.databases,
    });
  });

  afterAll(async () => {
    await second?.stop();
    await first?.stop();
    await first?.drop();
  });

  it('answers 429 with Retry-After on the booking form and interest registration, counted across replicas', async () => {
    const a = new Callers(first.baseUrl);
    const b = new Callers(second.baseUrl);
    const peter = { user: USERS.staff[0] };
    const book = (callers: Callers) =>
      callers.send(peter, {
        method: 'POST',
        path: '/api/assignments/assignments',
        body: booking(),
      });
    const statuses = [
      (await book(a)).status,
      (await book(b)).status,
      (await book(a)).status,
    ];
    expect(statuses).toEqual([201, 201, 201]);
    const refused = await book(b);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.message).toMatch(/Too many requests/);
    expect((await book(a)).status).toBe(429);
    // Wrong input is refused as such and does not use a turn.
    const wrong = await a.send(peter, {
      method: 'POST',
      path: '/api/assignments/assignments',
      body: { ...booking(), title: '' },
    });
    expect(wrong.status).toBe(400);
    // Another person has turns of their own.
    expect(
      (
        await b.send(
          { user: USERS.staff[1] },
          {
            method: 'POST',
            path: '/api/assignments/assignments',
            body: booking(),
          },
        )
      ).status,
    ).toBe(201);

    const sara = { user: USERS['team-leader'][1] };
    const register = (callers: Callers) =>
      callers.send(sara, {
        method: 'POST',
        path: '/api/peer-directory/interest',
        body: { role: 'peer', region: 'stockholm' },
      });
    const interest = [
      (await register(a)).status,
      (await register(b)).status,
      (await register(a)).status,
    ];
    expect(interest).toEqual([201, 409, 429]);
    writeResult(`rate-limits-${databaseId}`, {
      bookings: [...statuses, 429, 429],
      interest,
    });
  });
});
