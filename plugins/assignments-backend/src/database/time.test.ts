import { localToUtc, stockholmDay } from './time';

// stockholmDay itself is portal-node's, tested there against luxon for
// every hour of two years.
describe('localToUtc', () => {
  it('is the UTC instant of a Stockholm wall-clock time, in winter and in summer', () => {
    expect(localToUtc('2026-01-15T09:30')).toBe('2026-01-15T08:30:00.000Z');
    expect(localToUtc('2026-07-15T09:30')).toBe('2026-07-15T07:30:00.000Z');
  });

  it('moves the hour skipped in spring forward', () => {
    expect(localToUtc('2026-03-29T02:30')).toBe('2026-03-29T01:30:00.000Z');
  });

  it('refuses what is not a wall-clock time', () => {
    expect(() => localToUtc('not a time')).toThrow('Not a local time');
  });

  it('round-trips with stockholmDay on either side of midnight', () => {
    expect(stockholmDay(localToUtc('2026-11-23T00:15'))).toBe('2026-11-23');
    expect(stockholmDay(localToUtc('2026-11-23T23:45'))).toBe('2026-11-23');
  });
});
