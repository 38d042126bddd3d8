import {
  OutcomeInput,
  SESSION_KINDS,
  SESSION_MODES,
  SESSION_TOPICS,
} from '@internal/plugin-evaluation-common';
import { DEMO_REGIONS, seededRandom } from '@internal/plugin-portal-node';
import { DateTime } from 'luxon';
import { DatabaseEvaluationStore } from '../database/DatabaseEvaluationStore';

/** The unit with exactly three sessions, so that "<5" shows. */
export const DEMO_SMALL_UNIT = 'vll-skelleftea-oppenvard';

/** Peer supporters of the demo catalog, by unit; others get a demo name. */
const SUPPORTERS: Record<string, string> = {
  'skane-malmo-avd-3': 'user:default/elin.bergstrom',
  'vll-umea-avd-5': 'user:default/jonas.nilsson',
};

const demoId = (n: number) =>
  `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/**
 * Seeds fictional support sessions (last twelve months) and outcome
 * indicators (four quarters before and after each unit's start with peer
 * support) for the demo units. Idempotent: sessions are made once, outcome
 * rows are upserted. Activity comes from the other plugins' demo data
 * through ingestion. Returns the number of sessions created.
 */
export async function seedDemoEvaluation(
  store: DatabaseEvaluationStore,
): Promise<number> {
  const random = seededRandom(2026);
  const today = DateTime.fromISO(store.today(), { zone: 'Europe/Stockholm' });
  const units = Object.entries(DEMO_REGIONS).flatMap(([region, list]) =>
    list.map(unit => ({ region, unit })),
  );

  let created = 0;
  if (!(await store.hasSession(demoId(1)))) {
    let n = 0;
    for (const [i, { region, unit }] of units.entries()) {
      const count = unit === DEMO_SMALL_UNIT ? 3 : 8 + ((i * 7) % 23);
      for (let k = 0; k < count; k++) {
        n++;
        const date = today
          .minus({ days: Math.floor(random() * 330) })
          .toFormat('yyyy-LL-dd');
        await store.addSupportSession(
          {
            date,
            unit,
            mode: SESSION_MODES[Math.floor(random() * SESSION_MODES.length)],
            minutes: 30 + 15 * Math.floor(random() * 5),
            topic: SESSION_TOPICS[Math.floor(random() * SESSION_TOPICS.length)],
            kind: SESSION_KINDS[k === 0 || random() < 0.3 ? 0 : 1],
          },
          SUPPORTERS[unit] ?? `user:default/demo-supporter-${i}`,
          region,
          { id: demoId(n) },
        );
        created++;
      }
    }
  }

  const outcomes: Array<{ input: OutcomeInput; region: string }> = [];
  for (const [i, { region, unit }] of units.entries()) {
    const start = today
      .startOf('quarter')
      .minus({ quarters: 2 + (i % 3) })
      .toFormat('yyyy-LL-dd');
    for (let q = -4; q < 4; q++) {
      const periodStart = DateTime.fromISO(start).plus({ quarters: q });
      const periodEnd = periodStart.endOf('quarter');
      if (periodEnd.toFormat('yyyy-LL-dd') >= today.toFormat('yyyy-LL-dd')) {
        break;
      }
      const after = q >= 0;
      const admissions = 40 + Math.floor(random() * 30) - (after ? 6 : 0);
      const stay = (after ? 11 : 14) + Math.round(random() * 30) / 10;
      outcomes.push({
        region,
        input: {
          unit,
          periodStart: periodStart.toFormat('yyyy-LL-dd'),
          periodEnd: periodEnd.toFormat('yyyy-LL-dd'),
          admissions,
          inpatientDays: Math.round(admissions * stay),
          averageLengthOfStay: stay,
          readmissions30d: Math.floor(admissions * (after ? 0.09 : 0.15)),
          selfStigmaScore:
            Math.round(((after ? 2.3 : 2.6) + random() * 0.2) * 100) / 100,
          // One small survey, so that "<5" shows.
          selfStigmaRespondents: i === 0 && q === -1 ? 3 : 8 + (q + 4) * 2,
          recoveryInstrument: 'QPR',
          recoveryScore:
            Math.round(((after ? 2.7 : 2.4) + random() * 0.2) * 100) / 100,
          recoveryRespondents: 10 + (q + 4),
          staffAttitudesScore:
            Math.round(((after ? 3.9 : 3.4) + random() * 0.3) * 100) / 100,
          staffAttitudesRespondents: 12,
          peerSupportStartedOn: start,
        },
      });
    }
  }
  await store.upsertOutcomes(outcomes, 'user:default/demo-seed');
  return created;
}
