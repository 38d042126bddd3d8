import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { DatabaseEvaluationStore } from '../database/DatabaseEvaluationStore';
import { generateAssignmentFacts } from '../demo/generate';
import { FactIngestor, FetchFacts } from './FactIngestor';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())('FactIngestor on %s', databaseId => {
  it('pulls each source from its cursor, and events and pulls count once', async () => {
    const knex = await databases.init(databaseId);
    const store = await DatabaseEvaluationStore.create({
      database: mockServices.database({ knex }),
    });
    const facts = generateAssignmentFacts({
      count: 2500,
      seed: 1,
      lastMonth: '2026-11',
      months: 3,
      peers: 40,
    });
    const meetings = [1, 2, 3].map(n => ({
      cursor: String(n),
      occurrenceId: `o${n}`,
      meetingId: 'm',
      kind: 'network-meeting',
      region: null,
      audience: 'peers',
      startsAt: '2026-11-05T17:00:00.000Z',
      confirmed: 10,
      attended: 8,
      absent: 2,
      recordedAt: '2026-11-05T20:00:00.000Z',
    }));
    const calls: string[] = [];
    const fetchFacts: FetchFacts = async (source, after, limit) => {
      calls.push(`${source}:${after}`);
      if (source === 'assignments') {
        return {
          items: facts.filter(f => f.seq > Number(after)).slice(0, limit),
        };
      }
      return {
        items: meetings.filter(m => Number(m.cursor) > Number(after)),
      };
    };
    const ingestor = new FactIngestor({
      store,
      fetchFacts,
      logger: mockServices.logger.mock(),
    });
    // An event got there first.
    await ingestor.onEvent('assignments.activity', facts[10]);
    const first = await ingestor.pullAll();
    expect(first).toEqual({ assignments: 2499, 'network-meetings': 3 });
    expect(calls).toEqual([
      'assignments:0',
      'assignments:1000',
      'assignments:2000',
      'network-meetings:0',
    ]);
    expect(await store.getCursor('assignments')).toBe('2500');
    calls.length = 0;
    expect(await ingestor.pullAll()).toEqual({
      assignments: 0,
      'network-meetings': 0,
    });
    expect(calls).toEqual(['assignments:2500', 'network-meetings:3']);
    const m = await store.metrics(
      { from: '2026-09', to: '2026-11', groupBy: 'month' },
      { kind: 'all' },
    );
    const completed = facts.filter(f => f.kind === 'assignment-completed');
    expect(m.totals.assignmentsCompleted).toBe(completed.length);
    expect(m.totals.meetingAttendance).toBe(24);
  });
});
