import { retentionCutoff } from './cutoff';

describe('retentionCutoff', () => {
  it('goes back whole calendar months, keeping the time of day', () => {
    expect(
      retentionCutoff(new Date('2027-06-15T03:00:00.000Z'), { months: 12 }),
    ).toEqual(new Date('2026-06-15T03:00:00.000Z'));
    expect(
      retentionCutoff(new Date('2027-01-10T03:00:00.000Z'), { months: 24 }),
    ).toEqual(new Date('2025-01-10T03:00:00.000Z'));
  });

  it('clamps the day to the end of a shorter month', () => {
    expect(
      retentionCutoff(new Date('2027-03-31T12:00:00.000Z'), { months: 1 }),
    ).toEqual(new Date('2027-02-28T12:00:00.000Z'));
    expect(
      retentionCutoff(new Date('2028-03-31T12:00:00.000Z'), { months: 1 }),
    ).toEqual(new Date('2028-02-29T12:00:00.000Z'));
  });

  it('goes back whole days', () => {
    expect(
      retentionCutoff(new Date('2027-03-01T12:00:00.000Z'), { days: 30 }),
    ).toEqual(new Date('2027-01-30T12:00:00.000Z'));
  });
});
