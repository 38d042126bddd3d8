import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ASSIGNMENTS_EVENT_TOPIC,
  AssignmentFact,
} from '@internal/plugin-assignments-common';
import {
  ATTENDANCE_RECORDED_TOPIC,
  AttendanceFact,
} from '@internal/plugin-network-meetings-common';
import {
  groupNameSchema,
  isoDate,
  userRefSchema,
} from '@internal/plugin-portal-common';
import { z } from 'zod';
import {
  DatabaseEvaluationStore,
  FactSource,
} from '../database/DatabaseEvaluationStore';

/**
 * A fact from the assignment board, checked before it is counted. Not
 * strict: a producer may add fields without breaking the evaluation.
 */
const assignmentFactSchema = z.object({
  seq: z.number().int().min(0),
  kind: z.enum([
    'assignment-completed',
    'feedback-given',
    'honorarium-approved',
  ]),
  assignmentId: z.string().min(1).max(100),
  occurredAt: z.string().max(40),
  workDate: isoDate,
  unit: groupNameSchema,
  region: groupNameSchema,
  type: z
    .string()
    .max(40)
    .regex(/^[a-z0-9][a-z0-9-]*$/),
  peers: z
    .array(
      z.object({
        peerRef: userRefSchema,
        actualMinutes: z.number().int().min(0).max(100_000),
      }),
    )
    .max(100)
    .optional(),
  totalOre: z.number().int().min(0).max(1e12).optional(),
  rating: z.number().int().min(1).max(5).optional(),
  authorKind: z.enum(['peer', 'unit']).optional(),
});

/** A fact from the meeting calendar, checked before it is counted. */
const attendanceFactSchema = z.object({
  cursor: z.string().regex(/^\d{1,15}$/),
  occurrenceId: z.string().min(1).max(100),
  meetingId: z.string().max(100),
  kind: z.string().max(40),
  region: groupNameSchema.nullable(),
  audience: z.string().max(40),
  startsAt: z.iso.datetime({ offset: true }),
  confirmed: z.number().int().min(0),
  attended: z.number().int().min(0).max(100_000),
  absent: z.number().int().min(0),
  recordedAt: z.string().max(40),
});

/** One page of a source's GET /facts. */
export type FactPage = { items: unknown[]; nextCursor?: string };

/** Reads a page of facts from a source plugin (with service credentials). */
export type FetchFacts = (
  source: FactSource,
  after: string,
  limit: number,
) => Promise<FactPage>;

/** Each source: its topic, page size, fact schema, and where it ingests. */
const SOURCES: Record<
  FactSource,
  {
    topic: string;
    /** The page size the source allows. */
    pageSize: number;
    schema: z.ZodType;
    /** A fact's position in the source's GET /facts. */
    position: (item: { seq?: unknown; cursor?: unknown }) => unknown;
    ingest: (
      store: DatabaseEvaluationStore,
      facts: unknown[],
      options?: { cursor?: string },
    ) => Promise<number>;
  }
> = {
  assignments: {
    topic: ASSIGNMENTS_EVENT_TOPIC,
    pageSize: 1000,
    schema: assignmentFactSchema,
    position: item => item.seq,
    ingest: (store, facts, options) =>
      store.ingestAssignmentFacts(facts as AssignmentFact[], options),
  },
  'network-meetings': {
    topic: ATTENDANCE_RECORDED_TOPIC,
    pageSize: 100,
    schema: attendanceFactSchema,
    position: item => item.cursor,
    ingest: (store, facts, options) =>
      store.ingestAttendanceFacts(facts as AttendanceFact[], options),
  },
};

const SOURCE_NAMES = Object.keys(SOURCES) as FactSource[];

/**
 * Brings activity in from the other plugins, two ways: a scheduled pull of
 * each source's GET /facts from the stored cursor, and the events they
 * publish, for immediacy. Both go through the store's idempotent ingestion,
 * so a fact that comes both ways (or twice) counts once.
 */
export class FactIngestor {
  constructor(
    private readonly options: {
      store: DatabaseEvaluationStore;
      fetchFacts: FetchFacts;
      logger: LoggerService;
    },
  ) {}

  /** The topics to subscribe to. */
  static readonly topics = SOURCE_NAMES.map(source => SOURCES[source].topic);

  /** Handles one event of a subscribed topic. Bad payloads are logged and skipped. */
  async onEvent(topic: string, payload: unknown): Promise<void> {
    const source = SOURCE_NAMES.find(s => SOURCES[s].topic === topic);
    if (source) {
      await SOURCES[source].ingest(
        this.options.store,
        this.valid(source, [payload]),
      );
    }
  }

  /**
   * Reads every source from its cursor until it has nothing new (at most
   * `maxPages` pages per source and run). A source that cannot be reached
   * is logged and tried again on the next run.
   */
  async pullAll(maxPages = 100): Promise<Record<FactSource, number>> {
    const result = {} as Record<FactSource, number>;
    for (const source of SOURCE_NAMES) {
      result[source] = 0;
      try {
        result[source] = await this.pull(source, maxPages);
      } catch (error) {
        this.options.logger.warn(
          `Could not read facts from ${source}: ${error}`,
        );
      }
    }
    return result;
  }

  private async pull(source: FactSource, maxPages: number): Promise<number> {
    const { store, fetchFacts } = this.options;
    const { pageSize, position: positionOf, ingest } = SOURCES[source];
    let after = (await store.getCursor(source)) ?? '0';
    let ingested = 0;
    for (let page = 0; page < maxPages; page++) {
      const { items } = await fetchFacts(source, after, pageSize);
      if (!items.length) break;
      // Move past every fact of the page, also one that was skipped as bad.
      const position = String(positionOf(items[items.length - 1] as {}));
      if (!/^\d{1,15}$/.test(position) || Number(position) <= Number(after)) {
        throw new Error(`${source} answered a page that does not move on`);
      }
      ingested += await ingest(store, this.valid(source, items), {
        cursor: position,
      });
      after = position;
      if (items.length < pageSize) break;
    }
    return ingested;
  }

  private valid(source: FactSource, items: unknown[]) {
    const schema = SOURCES[source].schema;
    const facts: unknown[] = [];
    for (const item of items) {
      const parsed = schema.safeParse(item);
      if (parsed.success) {
        facts.push(parsed.data);
      } else {
        this.options.logger.warn(
          `Skipped a fact from ${source} that does not check out: ${parsed.error.issues
            .map(i => `${i.path.join('.')}: ${i.message}`)
            .join('; ')}`,
        );
      }
    }
    return facts;
  }
}
