import {
  MetricsResponse,
  SESSION_MODES,
} from '@internal/plugin-evaluation-common';
import { metricsCsv, neutralise } from './exportCsv';

const figures = (hours: number | '<5') => ({
  assignmentsCompleted: 12,
  hours,
  honorariaSek: 1234.5,
  activePeers: 7,
  unitsUsingPeers: 2,
  supportSessions: null,
  sessionsByMode: Object.fromEntries(SESSION_MODES.map(m => [m, null])) as any,
  meetingAttendance: null,
  averageFeedback: 4.25,
});

describe('metricsCsv', () => {
  it('neutralises formulas, also behind spaces', () => {
    const metrics: MetricsResponse = {
      from: '2026-01',
      to: '2026-03',
      groupBy: 'unit',
      scope: 'all',
      previous: { from: '2025-10', to: '2025-12' },
      totals: figures(10.5),
      previousTotals: figures('<5'),
      changePercent: {
        assignmentsCompleted: -12.5,
        hours: 40,
        honorariaSek: null,
      },
      groups: [
        { key: '=HYPERLINK("http://evil")', figures: figures(2.5) },
        { key: ' +1+1', figures: figures('<5') },
        { key: '\u00a0@SUM(A1)', figures: figures(1) },
        { key: '-2', figures: figures(1) },
      ],
    };
    const csv = metricsCsv(metrics);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(
      lines[1].startsWith(`"'=HYPERLINK(""http://evil"")";12;2,5;1234,50;7;2;`),
    ).toBe(true);
    expect(lines[2].startsWith("' +1+1;12;<5;")).toBe(true);
    expect(lines[3].startsWith("'\u00a0@SUM(A1);")).toBe(true);
    expect(lines[4].startsWith("'-2;")).toBe(true);
    expect(lines[5]).toBe(
      'Totalt 2026-01–2026-03;12;10,5;1234,50;7;2;;;;;;;4,3',
    );
    expect(lines[6]).toContain('Föregående period 2025-10–2025-12;12;<5;');
    // A fall stays a number for Excel, not text behind a '.
    expect(lines[7]).toBe(
      'Förändring mot föregående period (%);-12,5;40,0;;;;;;;;;;',
    );
  });

  it('names groups and columns as the screen does, in English too', () => {
    const metrics: MetricsResponse = {
      from: '2026-01',
      to: '2026-03',
      groupBy: 'type',
      scope: 'all',
      previous: { from: '2025-10', to: '2025-12' },
      totals: figures(10.5),
      previousTotals: figures(9),
      changePercent: {},
      groups: [{ key: 'user-audit', figures: figures(10.5) }],
    };
    const lines = metricsCsv(metrics, {
      lang: 'en',
      label: key => (key === 'user-audit' ? 'User audit' : key),
    })
      .slice(1)
      .split('\r\n');
    expect(lines[0]).toMatch(/^Assignment type;Assignments completed;Hours;/);
    expect(lines[1]).toMatch(/^User audit;12;10,5;/);
    expect(lines[2]).toMatch(/^Total 2026-01–2026-03;/);
  });

  it('leaves plain text alone', () => {
    expect(neutralise('skane')).toBe('skane');
    expect(neutralise('  =1')).toBe("'  =1");
    expect(neutralise('-2')).toBe("'-2");
  });
});
