import { Honorarium } from '@internal/plugin-assignments-common';
import { payrollCsv } from './payrollCsv';

function honorarium(overrides: Partial<Honorarium>): Honorarium {
  return {
    id: 'h',
    assignmentId: 'a',
    assignmentTitle: 'Uppdrag',
    peerRef: 'user:default/p',
    peerName: 'Per',
    costCentre: 'KS-1',
    workDate: '2026-12-10',
    actualMinutes: 105,
    band: 'upTo2h',
    feeOre: 60000,
    travelOre: 0,
    totalOre: 60000,
    state: 'approved',
    ...overrides,
  };
}

describe('payrollCsv', () => {
  it('neutralises every cell that a spreadsheet would run as a formula', () => {
    const csv = payrollCsv(
      ['=1+1', '+1', '-1', '@SUM(A1)', '\tTAB', '\rCR'].map((t, i) =>
        honorarium({ id: String(i), assignmentTitle: t }),
      ),
    );
    const titles = csv
      .slice(1)
      .split('\r\n')
      .slice(1, 7)
      .map(line => line.split(';')[4]);
    expect(titles).toEqual([
      "'=1+1",
      "'+1",
      "'-1",
      "'@SUM(A1)",
      "'\tTAB",
      '"\'\rCR"',
    ]);
  });

  it('also neutralises a formula hidden behind spaces or a no-break space', () => {
    const csv = payrollCsv([
      honorarium({
        id: '1',
        peerName: ' =cmd|/C calc',
        peerRef: 'user:default/a',
      }),
      honorarium({ id: '2', peerName: '\u00a0+1', peerRef: 'user:default/b' }),
    ]);
    const names = csv
      .slice(1)
      .split('\r\n')
      .slice(1)
      .map(line => line.split(';')[0])
      .filter(Boolean);
    expect(new Set(names)).toEqual(new Set(["' =cmd|/C calc", "'\u00a0+1"]));
    expect(names).toHaveLength(4);
  });

  it('writes UTF-8 with BOM, hours and totals per person and cost centre', () => {
    const csv = payrollCsv([
      honorarium({
        peerName: 'Örjan Åkesson',
        peerRef: 'user:default/o',
        totalOre: 100050,
      }),
      honorarium({
        peerName: 'Örjan Åkesson',
        peerRef: 'user:default/o',
        costCentre: 'KS-2',
      }),
      honorarium({
        peerName: 'Ärla Ek',
        peerRef: 'user:default/a',
        actualMinutes: 90,
      }),
    ]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines.map(l => l.split(';').slice(0, 3).join(';'))).toEqual([
      'Person;Användare;Kostnadsställe',
      // Swedish order: Ä before Ö.
      'Ärla Ek;user:default/a;KS-1',
      'Ärla Ek;user:default/a;KS-1',
      'Örjan Åkesson;user:default/o;KS-1',
      'Örjan Åkesson;user:default/o;KS-1',
      'Örjan Åkesson;user:default/o;KS-2',
      'Örjan Åkesson;user:default/o;KS-2',
    ]);
    expect(lines[1].split(';')[6]).toBe('1,5');
    expect(lines[3].split(';')[6]).toBe('1,75');
    expect(lines[4]).toMatch(/;Summa;.*;1000,50$/);
  });
});
