import {
  ASSIGNMENT_TYPES,
  AssignmentFact,
} from '@internal/plugin-assignments-common';
import {
  SESSION_KINDS,
  SESSION_MODES,
  SESSION_TOPICS,
  SupportSessionInput,
} from '@internal/plugin-evaluation-common';
import { AttendanceFact } from '@internal/plugin-network-meetings-common';
import { DEMO_REGIONS, seededRandom } from '@internal/plugin-portal-node';
import { addMonths } from '../database/time';

const UNITS = Object.entries(DEMO_REGIONS).flatMap(([region, units]) =>
  units.map(unit => ({ region, unit })),
);

/**
 * Makes assignment facts as the assignment board publishes them, for the
 * benchmark and the tests: per assignment a completion (one to three peers),
 * an approved honorarium and up to two ratings, spread over `months` months
 * ending with `lastMonth`, in the demo regions and units. The same seed and
 * offset give the same facts.
 */
export function generateAssignmentFacts(options: {
  count: number;
  seed: number;
  /** The first seq (facts are numbered on from here). */
  offset?: number;
  lastMonth: string;
  months: number;
  peers: number;
}): AssignmentFact[] {
  const random = seededRandom(options.seed + (options.offset ?? 0));
  const pick = <T>(items: readonly T[]) =>
    items[Math.floor(random() * items.length)];
  const facts: AssignmentFact[] = [];
  let seq = options.offset ?? 0;
  let n = 0;
  while (facts.length < options.count) {
    n++;
    const { region, unit } = pick(UNITS);
    const month = addMonths(
      options.lastMonth,
      -Math.floor(random() * options.months),
    );
    const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
    const base = {
      assignmentId: `gen-${options.seed}-${seq}-${n}`,
      occurredAt: `${month}-${day}T12:00:00.000Z`,
      workDate: `${month}-${day}`,
      unit,
      region,
      type: pick(ASSIGNMENT_TYPES),
    };
    const peerCount = 1 + Math.floor(random() * 3);
    const peers = new Map<string, number>();
    while (peers.size < peerCount) {
      const id = Math.floor(random() * options.peers);
      peers.set(
        `user:default/peer-${String(id).padStart(5, '0')}`,
        30 * (1 + Math.floor(random() * 12)),
      );
    }
    facts.push({
      ...base,
      seq: ++seq,
      kind: 'assignment-completed',
      peers: [...peers].map(([peerRef, actualMinutes]) => ({
        peerRef,
        actualMinutes,
      })),
    });
    if (facts.length < options.count) {
      facts.push({
        ...base,
        seq: ++seq,
        kind: 'honorarium-approved',
        totalOre: peerCount * 60000 + Math.floor(random() * 4) * 20000,
      });
    }
    const ratings = Math.floor(random() * 3);
    for (let i = 0; i < ratings && facts.length < options.count; i++) {
      facts.push({
        ...base,
        seq: ++seq,
        kind: 'feedback-given',
        rating: 1 + Math.floor(random() * 5),
        authorKind: i === 0 ? 'unit' : 'peer',
      });
    }
  }
  return facts;
}

/**
 * Makes support sessions for the benchmark: spread over `months` months
 * ending with `lastMonth`, in the demo units, by 40 peer supporters.
 */
export function generateSupportSessions(options: {
  count: number;
  seed: number;
  lastMonth: string;
  months: number;
}): Array<{
  input: SupportSessionInput;
  supporterRef: string;
  region: string;
}> {
  const random = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]) =>
    items[Math.floor(random() * items.length)];
  return Array.from({ length: options.count }, () => {
    const { region, unit } = pick(UNITS);
    const month = addMonths(
      options.lastMonth,
      -Math.floor(random() * options.months),
    );
    const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
    return {
      input: {
        date: `${month}-${day}`,
        unit,
        mode: pick(SESSION_MODES),
        minutes: 30 + 15 * Math.floor(random() * 5),
        topic: pick(SESSION_TOPICS),
        kind: pick(SESSION_KINDS),
      },
      supporterRef: `user:default/supporter-${Math.floor(random() * 40)}`,
      region,
    };
  });
}

/**
 * Makes attendance facts of network meetings for the benchmark: a few a
 * month in each region and some for all regions.
 */
export function generateAttendanceFacts(options: {
  count: number;
  seed: number;
  lastMonth: string;
  months: number;
}): AttendanceFact[] {
  const random = seededRandom(options.seed);
  const regions = [...Object.keys(DEMO_REGIONS), null];
  return Array.from({ length: options.count }, (_, i) => {
    const month = addMonths(
      options.lastMonth,
      -Math.floor(random() * options.months),
    );
    const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
    const confirmed = 5 + Math.floor(random() * 30);
    const attended = Math.floor(confirmed * (0.6 + random() * 0.4));
    return {
      cursor: String(i + 1),
      occurrenceId: `gen-meeting-${i + 1}`,
      meetingId: `gen-meeting-${i + 1}`,
      kind: 'network-meeting',
      region: regions[Math.floor(random() * regions.length)],
      audience: 'peers',
      startsAt: `${month}-${day}T16:00:00.000Z`,
      confirmed,
      attended,
      absent: confirmed - attended,
      recordedAt: `${month}-${day}T20:00:00.000Z`,
    } as AttendanceFact;
  });
}
