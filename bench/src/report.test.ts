import { ceilingOf, medianInterval } from './report';
import type { RouteResult } from './report';
import type { LoadResult } from './load';

const load = (rps: number) => ({ rps } as LoadResult);

describe('medianInterval', () => {
  it('brackets the median of the rounds, the same every time', () => {
    const rounds = [0.79, 0.8, 0.9, 0.67, 1.04, 0.84, 0.76, 0.94, 0.92];
    const range = medianInterval(rounds)!;
    const [low, high] = range.split('–').map(Number);
    expect(low).toBeLessThanOrEqual(0.84);
    expect(high).toBeGreaterThanOrEqual(0.84);
    expect(low).toBeGreaterThanOrEqual(0.67);
    expect(high).toBeLessThanOrEqual(1.04);
    expect(medianInterval(rounds)).toBe(range);
  });

  it('is exact when every round agrees, and absent for fewer than three', () => {
    expect(medianInterval([0.9, 0.9, 0.9])).toBe('0.90–0.90');
    expect(medianInterval([0.9, 1])).toBeUndefined();
  });
});

describe('ceilingOf', () => {
  const route = (raw: Record<string, LoadResult>) =>
    ({ raw } as unknown as RouteResult);

  it('is the measured ceiling tier when the run has it', () => {
    expect(
      ceilingOf(
        route({ floor: load(2000), knex: load(1000), ceiling: load(500) }),
      ),
    ).toBe(500);
  });

  it('is estimated from the floor and bare Knex in older results', () => {
    expect(
      ceilingOf(route({ floor: load(2000), knex: load(2000) })),
    ).toBeCloseTo(1000);
    expect(ceilingOf(route({ knex: load(2000) }))).toBeUndefined();
  });
});
