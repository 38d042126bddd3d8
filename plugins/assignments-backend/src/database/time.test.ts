import { DateTime } from 'luxon';
import { localToUtc, stockholmDay, utcToLocal } from './time';

describe('stockholmDay', () => {
  it('is the Stockholm date of an instant, on either side of midnight and of both DST changes', () => {
    const instants = [
      '2026-03-28T22:59:59.999Z', // 23:59:59 CET
      '2026-03-28T23:00:00.000Z', // 00:00 CET, 29 March (DST begins at 02:00)
      '2026-03-29T00:59:59.999Z',
      '2026-03-29T01:00:00.000Z', // 03:00 CEST
      '2026-03-29T21:59:59.999Z', // 23:59:59 CEST
      '2026-03-29T22:00:00.000Z', // 00:00 CEST, 30 March
      '2026-10-24T21:59:59.999Z',
      '2026-10-24T22:00:00.000Z', // 00:00 CEST, 25 October (DST ends)
      '2026-10-25T00:30:00.000Z', // 02:30 CEST
      '2026-10-25T01:30:00.000Z', // 02:30 CET
      '2026-10-25T22:59:59.999Z',
      '2026-10-25T23:00:00.000Z', // 00:00 CET, 26 October
      '2026-12-31T23:00:00.000Z', // new year in Stockholm
      '2028-02-28T23:30:00.000Z', // leap day
    ];
    for (const iso of instants) {
      expect([iso, stockholmDay(iso)]).toEqual([
        iso,
        DateTime.fromISO(iso, { zone: 'utc' })
          .setZone('Europe/Stockholm')
          .toISODate(),
      ]);
    }
  });

  it('every hour of a year agrees with the wall-clock time, at its first and its last millisecond', () => {
    let t = Date.parse('2026-01-01T00:00:00Z');
    const end = Date.parse('2027-01-01T00:00:00Z');
    for (; t < end; t += 3_600_000) {
      // The second call is answered from the hour kept by the first.
      for (const ms of [t, t + 3_599_999]) {
        const iso = new Date(ms).toISOString();
        expect(stockholmDay(iso)).toBe(utcToLocal(iso).slice(0, 10));
      }
    }
  });

  it('refuses what is not an instant', () => {
    expect(() => stockholmDay('not a date')).toThrow('Not an instant');
  });

  it('round-trips with localToUtc', () => {
    expect(stockholmDay(localToUtc('2026-11-23T00:15'))).toBe('2026-11-23');
    expect(stockholmDay(localToUtc('2026-11-23T23:45'))).toBe('2026-11-23');
  });
});
