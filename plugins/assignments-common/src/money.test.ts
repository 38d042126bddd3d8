import {
  DEFAULT_RATE_TABLE,
  computeHonorarium,
  kronorToOre,
  oreToDecimalKronor,
} from './money';

describe('money in whole öre', () => {
  it('parses kronor without floating point', () => {
    expect(kronorToOre(600)).toBe(60000);
    expect(kronorToOre(1000.5)).toBe(100050);
    expect(kronorToOre('612,05')).toBe(61205);
    // 0.1 + 0.2 style errors cannot happen: 19.99 is 1999 öre exactly.
    expect(kronorToOre(19.99)).toBe(1999);
    expect(() => kronorToOre(-1)).toThrow();
    expect(() => kronorToOre('12.345')).toThrow();
    expect(() => kronorToOre(Number.NaN)).toThrow();
  });

  it('picks the scope band by the minutes worked', () => {
    const t = DEFAULT_RATE_TABLE;
    expect(computeHonorarium(t, 1, false)).toEqual({
      band: 'upTo2h',
      feeOre: 60000,
      travelOre: 0,
      totalOre: 60000,
    });
    expect(computeHonorarium(t, 120, false).band).toBe('upTo2h');
    expect(computeHonorarium(t, 121, false).band).toBe('halfDay');
    expect(computeHonorarium(t, 240, true).totalOre).toBe(120000);
    expect(computeHonorarium(t, 480, false).band).toBe('fullDay');
    // Beyond a full day: 250 kr per started hour.
    expect(computeHonorarium(t, 481, false)).toMatchObject({
      band: 'fullDay+1h',
      feeOre: 205000,
    });
    expect(computeHonorarium(t, 600, false).feeOre).toBe(180000 + 2 * 25000);
    expect(() => computeHonorarium(t, 0, false)).toThrow();
    expect(() => computeHonorarium(t, 1.5, false)).toThrow();
  });

  it('sums many honoraria exactly', () => {
    let total = 0;
    for (let i = 0; i < 10000; i++) {
      total += computeHonorarium(
        { ...DEFAULT_RATE_TABLE, travelOre: kronorToOre(0.1) },
        90,
        true,
      ).totalOre;
    }
    expect(total).toBe(10000 * 60010);
    expect(oreToDecimalKronor(total)).toBe('6001000,00');
  });

  it('writes kronor with a decimal comma', () => {
    expect(oreToDecimalKronor(0)).toBe('0,00');
    expect(oreToDecimalKronor(5)).toBe('0,05');
    expect(oreToDecimalKronor(120050)).toBe('1200,50');
    expect(oreToDecimalKronor(-250)).toBe('-2,50');
  });
});
