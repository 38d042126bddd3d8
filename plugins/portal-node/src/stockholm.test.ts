import { DateTime } from 'luxon';
import { stockholmDay, stockholmMonth, stockholmWallClock } from './stockholm';

/** The reference: luxon's zone change and format. */
const luxon = (ms: number) =>
  DateTime.fromMillis(ms, { zone: 'Europe/Stockholm' }).toFormat(
    "yyyy-MM-dd'T'HH:mm",
  );

describe('stockholmWallClock', () => {
  it('is the Stockholm wall-clock time on either side of midnight and of both DST changes', () => {
    const cases: Array<[string, string]> = [
      ['2026-03-28T22:59:59.999Z', '2026-03-28T23:59'],
      ['2026-03-28T23:00:00.000Z', '2026-03-29T00:00'],
      ['2026-03-29T00:59:59.999Z', '2026-03-29T01:59'],
      ['2026-03-29T01:00:00.000Z', '2026-03-29T03:00'], // summer time begins
      ['2026-03-29T21:59:59.999Z', '2026-03-29T23:59'],
      ['2026-10-25T00:30:00.000Z', '2026-10-25T02:30'], // 02:30 CEST
      ['2026-10-25T01:30:00.000Z', '2026-10-25T02:30'], // 02:30 CET, again
      ['2026-10-25T22:59:59.999Z', '2026-10-25T23:59'],
      ['2026-12-31T23:00:00.000Z', '2027-01-01T00:00'],
      ['2028-02-28T23:30:00.000Z', '2028-02-29T00:30'], // leap day
    ];
    for (const [iso, local] of cases) {
      expect([iso, stockholmWallClock(iso)]).toEqual([iso, local]);
    }
  });

  it('agrees with luxon at the first, a middle and the last millisecond of every hour of two years', () => {
    const start = Date.parse('2026-01-01T00:00:00Z');
    const end = Date.parse('2028-01-01T00:00:00Z');
    const wrong: string[] = [];
    for (let t = start; t < end; t += 3_600_000) {
      // Later calls in the hour are answered from the offset kept by the first.
      for (const ms of [t, t + 1_799_999, t + 3_599_999]) {
        if (stockholmWallClock(ms) !== luxon(ms)) {
          wrong.push(new Date(ms).toISOString());
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('takes an ISO text, epoch milliseconds or a Date alike', () => {
    const ms = Date.parse('2026-07-01T10:15:00Z');
    expect(stockholmWallClock(new Date(ms))).toBe('2026-07-01T12:15');
    expect(stockholmWallClock(ms)).toBe('2026-07-01T12:15');
    expect(stockholmWallClock('2026-07-01T10:15:00.000Z')).toBe(
      '2026-07-01T12:15',
    );
    expect(stockholmDay('2026-07-01T22:15:00Z')).toBe('2026-07-02');
    expect(stockholmMonth('2026-06-30T22:15:00Z')).toBe('2026-07');
    expect(stockholmWallClock('2026-07-01T10:15:00+02:00')).toBe(
      '2026-07-01T10:15',
    );
  });

  it('reads a date-time without an offset as UTC, whatever the host zone', () => {
    expect(stockholmWallClock('2026-01-15T23:30')).toBe('2026-01-16T00:30');
    expect(stockholmWallClock('2026-01-15T23:30:00.000')).toBe(
      '2026-01-16T00:30',
    );
    expect(stockholmDay('2026-01-15')).toBe('2026-01-15');
  });

  it('refuses what is not an instant', () => {
    expect(() => stockholmWallClock('not a date')).toThrow('Not an instant');
    expect(() => stockholmDay(new Date(NaN))).toThrow('Not an instant');
    expect(() => stockholmMonth(Number.NaN)).toThrow('Not an instant');
  });
});
