import { AssignmentFact } from '@internal/plugin-assignments-common';
import { DEMO_REGIONS, seededRandom } from '@internal/plugin-portal-node';
import { addMonths } from '../database/time';

const TYPES = [
  'share-story',
  'co-development',
  'improvement-work',
  'workshop-or-course',
  'recovery-college-course-leader',
  'user-audit',
  'other',
] as const;

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
      type: pick(TYPES),
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
