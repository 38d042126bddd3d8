import { dayFromNow, ref, World } from './authz/requests';
import {
  startSuiteBackend,
  SuiteBackend,
  testDatabaseIds,
} from './harness/backend';
import { Answer, Callers, USERS } from './harness/http';
import { envNumber, writeResult } from './harness/results';

jest.setTimeout(60 * 60_000);

/**
 * Rounds of each guarantee: 200 in `./portal test --long`, 25 in CI (a
 * round takes 0.5 to 1.5 s on the 2-core CI machine; see docs/reliability.md).
 */
const ROUNDS = envNumber('RELIABILITY_ROUNDS', 200);

/** Every demo user: the people who answer at once. */
const EVERYONE = Object.values(USERS).flat();

/** A round's answers, for the failure message: status and error of each. */
function summary(round: number, what: string, answers: Answer[]): string {
  const each = answers.map(
    a => `${a.status}${a.message ? ` ${a.message}` : ''}`,
  );
  return `round ${round}, ${what}: ${each.join(' | ')}`;
}

describe.each(testDatabaseIds())('concurrency on %s', databaseId => {
  let backend: SuiteBackend;
  let callers: Callers;
  let world: World;
  const figures: Record<string, unknown> = {};

  beforeAll(async () => {
    backend = await startSuiteBackend({ databaseId, demoData: false });
    callers = new Callers(backend.baseUrl);
    world = new World(callers);
    for (const user of EVERYONE) await callers.token(user);
  });

  afterAll(async () => {
    writeResult(`concurrency-${databaseId}`, { rounds: ROUNDS, ...figures });
    await backend?.stop();
  });

  it(`never gives an assignment more peers than it wants, nor books a peer twice at one time (${ROUNDS} rounds)`, async () => {
    const coordinator = { user: USERS.coordinator[0] };
    const [asa, omar] = USERS.peer;
    const send = callers.send.bind(callers);
    const book = world.openAssignment.bind(world);
    let overfilled = 0;
    let doubleBooked = 0;
    const odd: string[] = [];
    const started = Date.now();
    for (let round = 0; round < ROUNDS; round++) {
      // Capacity: two peers interested in one place, both selected at once.
      // Double booking: one peer, two assignments whose times overlap,
      // selected for both at once. Each round on days of its own.
      const day = dayFromNow(60 + round);
      const [one, first, second] = await Promise.all(
        [
          { start: `${day}T06:00`, end: `${day}T07:00` },
          { start: `${day}T09:00`, end: `${day}T12:00` },
          { start: `${day}T11:00`, end: `${day}T13:00` },
        ].map((slot, i) =>
          book(i ? 2 : 1, {
            interestDeadline: dayFromNow(50),
            slots: [slot],
          }),
        ),
      );
      await Promise.all([
        world.showInterest(one, asa),
        world.showInterest(one, omar),
        world.showInterest(first, asa),
        world.showInterest(second, asa),
      ]);
      const select = (id: string, peer: string) =>
        send(coordinator, {
          method: 'POST',
          path: `/api/assignments/assignments/${id}/selection`,
          body: { userRef: ref(peer) },
        });
      const [a1, a2, b1, b2] = await Promise.all([
        select(one, asa),
        select(one, omar),
        select(first, asa),
        select(second, asa),
      ]);
      const capacity = [a1, a2];
      if (
        capacity.filter(s => s.status === 200).length !== 1 ||
        capacity.filter(s => s.status === 409).length !== 1
      ) {
        overfilled += 1;
        odd.push(summary(round, 'one place', capacity));
      }
      if ([b1, b2].filter(s => s.status === 200).length !== 1) {
        doubleBooked += 1;
        odd.push(summary(round, 'overlapping times', [b1, b2]));
      }
    }
    figures.assignments = {
      rounds: ROUNDS,
      overfilled,
      doubleBooked,
      seconds: Math.round((Date.now() - started) / 1000),
    };
    expect({ overfilled, doubleBooked, odd: odd.slice(0, 5) }).toEqual({
      overfilled: 0,
      doubleBooked: 0,
      odd: [],
    });
  });

  it(`confirms exactly the places of a meeting and waitlists the rest in order, under ${EVERYONE.length} yeses at once (${ROUNDS} rounds)`, async () => {
    const capacity = 3;
    const send = callers.send.bind(callers);
    let wrong = 0;
    let notPromoted = 0;
    const odd: string[] = [];
    const started = Date.now();
    for (let round = 0; round < ROUNDS; round++) {
      const id = await world.meeting({ capacity });
      const path = `/api/network-meetings/meetings/${id}/rsvp`;
      const answers = await Promise.all(
        EVERYONE.map(user =>
          send({ user }, { method: 'PUT', path, body: { answer: 'yes' } }),
        ),
      );
      const statuses = answers.map(a => a.json?.rsvp?.status);
      const confirmed = statuses.filter(s => s === 'confirmed').length;
      const waitlisted = answers.filter(
        a => a.json?.rsvp?.status === 'waitlisted',
      );
      const positions = waitlisted
        .map(a => a.json.rsvp.waitlistPosition)
        .sort((x: number, y: number) => x - y);
      if (
        answers.some(a => a.status !== 200) ||
        confirmed !== capacity ||
        waitlisted.length !== EVERYONE.length - capacity ||
        positions.join() !==
          positions.map((_: unknown, i: number) => i + 1).join()
      ) {
        wrong += 1;
        odd.push(summary(round, 'eleven yeses', answers));
      }
      // One confirmed person cancels: the first in line gets the place.
      const leaving = EVERYONE[statuses.indexOf('confirmed')];
      const firstInLine = EVERYONE.find(
        (_u, i) =>
          answers[i].json?.rsvp?.status === 'waitlisted' &&
          answers[i].json.rsvp.waitlistPosition === 1,
      );
      await send(
        { user: leaving },
        { method: 'PUT', path, body: { answer: 'no' } },
      );
      const after = await send(
        { user: USERS.coordinator[0] },
        {
          method: 'GET',
          path: `/api/network-meetings/meetings/${id}/attendees`,
        },
      );
      const promoted = after.json?.items?.find(
        (i: any) => i.userRef === ref(firstInLine ?? ''),
      );
      if (promoted?.status !== 'confirmed') {
        notPromoted += 1;
        odd.push(`round ${round}: first in line is ${promoted?.status}`);
      }
    }
    figures.meetings = {
      rounds: ROUNDS,
      people: EVERYONE.length,
      capacity,
      wrong,
      notPromoted,
      seconds: Math.round((Date.now() - started) / 1000),
    };
    expect({ wrong, notPromoted, odd: odd.slice(0, 5) }).toEqual({
      wrong: 0,
      notPromoted: 0,
      odd: [],
    });
  });
});
