import {
  ASSIGNMENT_TYPES,
  AssignmentState,
  AssignmentType,
  BookingRequest,
  EXPERIENCE_WANTED,
} from '@internal/plugin-assignments-common';
import { DEMO_REGIONS, seededRandom } from '@internal/plugin-portal-node';
import { DateTime } from 'luxon';
import {
  DatabaseAssignmentStore,
  GeneratedAssignment,
} from '../database/DatabaseAssignmentStore';

const TITLES: Record<AssignmentType, string[]> = {
  'share-story': [
    'Berätta om din väg till återhämtning på APT',
    'Personalmöte: hur är det att vara inlagd?',
    'Anhörigperspektiv på vårdplanering',
  ],
  'co-development': [
    'Ta fram nytt välkomstmaterial för avdelningen',
    'Testa och tyck till om appen för samordnad vårdplan',
    'Utforma informationsblad om tvångsvård',
  ],
  'improvement-work': [
    'Förbättringsarbete: utskrivningssamtal',
    'Delta i arbetsgrupp om delaktighet i vården',
    'Förbättra mottagandet i akutpsykiatrin',
  ],
  'workshop-or-course': [
    'Workshop om bemötande för ST-läkare',
    'Medverka på temadag om självstigma',
    'Seminarium om återhämtning för nya medarbetare',
  ],
  'recovery-college-course-leader': [
    'Kursledare: Att leva med ångest',
    'Kursledare: Återhämtning i vardagen',
  ],
  'user-audit': [
    'Brukarrevision av öppenvårdsmottagningen',
    'Brukarrevision: patientens väg genom heldygnsvården',
  ],
  other: [
    'Delta i referensgrupp för peer support',
    'Medverka i podcast om psykisk hälsa',
  ],
};

const STATE_PLAN: Array<[AssignmentState, number]> = [
  ['requested', 5],
  ['open', 14],
  ['staffed', 5],
  ['completed', 5],
  ['approved', 4],
  ['exported', 4],
  ['declined', 2],
  ['cancelled', 3],
];

const REVIEW_NOTES: Partial<Record<AssignmentState, string>> = {
  declined: 'Uppdraget passar bättre för en anställd peer supporter.',
  cancelled: 'Utbildningsdagen är inställd.',
};

const BOOKERS: Record<string, string> = {
  'vgr-sahlgrenska-avd-367': 'user:default/anders.holm',
  'sll-norra-oppenvard': 'user:default/sara.ek',
  'rjl-ryhov-avd-1': 'user:default/peter.aberg',
  'sll-psykiatri-sodra-avd-14': 'user:default/leila.karimi',
};

/**
 * The demo users who are peers, and ten fictional peers (not in the
 * directory's demo data, so the selection view shows no profile for them)
 * so that the evaluation dashboards have enough people to show figures.
 */
const DEMO_PEERS = [
  { userRef: 'user:default/asa.lindqvist', displayName: 'Åsa Lindqvist' },
  { userRef: 'user:default/omar.haddad', displayName: 'Omar Haddad' },
  ...[
    'Maja Ek',
    'Hassan Ali',
    'Linnea Berg',
    'Per Holm',
    'Aino Lehto',
    'Fatima Noor',
    'Gustav Strand',
    'Sofia Lind',
    'Nils Sjöberg',
    'Elsa Wik',
  ].map((displayName, i) => ({
    userRef: `user:default/demo-peer-${String(i + 1).padStart(2, '0')}`,
    displayName,
  })),
];

/** A UUID made from a number, the same on every run (demo ids). */
function demoId(prefix: number, n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `${prefix.toString(16).padStart(8, '0')}-0000-4000-8000-${hex}`;
}

type Options = {
  /** The day the data is made around (Europe/Stockholm), YYYY-MM-DD. */
  today: string;
  seed?: number;
  /** People who show interest; the demo peers by default. */
  peers?: Array<{ userRef: string; displayName: string }>;
  /** Interests per assignment (at most the number of peers). */
  interestsPerAssignment?: number;
  /** Make the assignments from this position on (for generating in batches). */
  offset?: number;
};

/**
 * Makes `count` assignments in every state, the same on every call with the
 * same options: requests, open and staffed ones in the weeks ahead, done
 * ones in the months behind. Slots are in working hours (never evenings).
 */
export function demoAssignments(
  count: number,
  options: Options,
): GeneratedAssignment[] {
  const seed = options.seed ?? 7;
  let rnd = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const peers = options.peers ?? DEMO_PEERS;
  const perAssignment = Math.min(
    options.interestsPerAssignment ?? 3,
    peers.length,
  );
  const today = DateTime.fromISO(options.today, { zone: 'Europe/Stockholm' });
  const regions = Object.keys(DEMO_REGIONS);
  const total = STATE_PLAN.reduce((s, [, n]) => s + n, 0);
  const out: GeneratedAssignment[] = [];
  const offset = options.offset ?? 0;
  for (let i = offset; i < offset + count; i++) {
    // Each assignment from its own seed: a batch is the same as in a whole.
    rnd = seededRandom(mix(seed * 100_003 + i));
    // States in the plan's proportions, cycling.
    let k = i % total;
    let state: AssignmentState = 'open';
    for (const [s, n] of STATE_PLAN) {
      if (k < n) {
        state = s;
        break;
      }
      k -= n;
    }
    const region = pick(regions);
    const unit = pick(DEMO_REGIONS[region]);
    const type = pick(ASSIGNMENT_TYPES);
    const future = ['requested', 'open', 'staffed', 'declined', 'cancelled'];
    const dayOffset = future.includes(state)
      ? 7 + Math.floor(rnd() * 60)
      : -(3 + Math.floor(rnd() * 100));
    // A distinct day per assignment for the demo peers, so that selections
    // never overlap; weekdays, 9:00 or 13:00.
    let day = today.plus({ days: dayOffset });
    if (day.weekday > 5) day = day.plus({ days: 8 - day.weekday });
    const startHour = rnd() < 0.5 ? 9 : 13;
    const hours = pick([1.5, 2, 3, 4, 6]);
    const start = day.set({ hour: startHour, minute: 0 });
    const end = start.plus({ minutes: hours * 60 });
    const fmt = (t: DateTime) => t.toFormat("yyyy-LL-dd'T'HH:mm");
    const digital = rnd() < 0.35;
    const peersWanted = rnd() < 0.7 ? 1 : 2;
    const booking: BookingRequest = {
      title: pick(TITLES[type]),
      type,
      description:
        'Vi söker en peer med egen erfarenhet eller anhörigerfarenhet som vill dela med sig och bidra till att utveckla vården. Ersättning enligt arvodestabellen.',
      unit,
      contactName: pick([
        'Maria Svensson',
        'Johan Berg',
        'Lena Ahmadi',
        'Erik Lund',
      ]),
      contactEmail: `kontakt.${unit}@example.se`,
      place: digital
        ? undefined
        : `${pick(['Konferensrum', 'Mötesrum', 'Aulan'])} ${
            1 + Math.floor(rnd() * 9)
          }`,
      digitalLink: digital ? 'https://meet.example.se/peer-support' : undefined,
      slots: [{ start: fmt(start), end: fmt(end) }],
      estimatedHours: hours,
      peersWanted,
      experienceWanted: pick(EXPERIENCE_WANTED),
      language: rnd() < 0.85 ? 'sv' : pick(['en', 'ar', 'fi'] as const),
      interestDeadline: start.minus({ days: 3 }).toISODate()!,
      costCentre: `KS-${1000 + Math.floor(rnd() * 9000)}`,
    };
    const withInterest = !['requested', 'declined'].includes(state);
    const interested = withInterest
      ? shuffle(peers, rnd).slice(0, perAssignment)
      : [];
    const selectedCount = [
      'staffed',
      'completed',
      'approved',
      'exported',
    ].includes(state)
      ? Math.min(peersWanted, interested.length)
      : 0;
    const interests = interested.map((p, j) => ({
      ...p,
      status: (j < selectedCount ? 'selected' : 'interested') as
        | 'selected'
        | 'interested',
      message:
        j === 0
          ? 'Jag har gjort liknande uppdrag förut och vill gärna.'
          : undefined,
    }));
    if (state === 'staffed') booking.peersWanted = Math.max(1, selectedCount);
    const createdBy = BOOKERS[unit] ?? 'user:default/karin.sjoberg';
    const done = ['completed', 'approved', 'exported'].includes(state);
    out.push({
      id: demoId(seed, i + 1),
      booking,
      region,
      state,
      createdBy,
      createdAt: start.minus({ days: 21 }).toUTC().toISO()!,
      reviewNote: REVIEW_NOTES[state],
      interests,
      worked: done
        ? interests
            .filter(x => x.status === 'selected')
            .map(x => ({
              userRef: x.userRef,
              actualHours: hours,
              travel: !digital,
            }))
        : undefined,
      feedback: done
        ? [
            {
              authorRef: createdBy,
              authorKind: 'unit' as const,
              rating: 3 + Math.floor(rnd() * 3),
              comment: 'Mycket uppskattat av personalgruppen.',
            },
          ]
        : undefined,
    });
  }
  return out;
}

/** Mixes the bits of a number, so that neighbouring seeds part at once. */
function mix(n: number): number {
  let h = n >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return (h ^ (h >>> 16)) >>> 0;
}

function shuffle<T>(list: readonly T[], rnd: () => number): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** Seeds the demo assignments (idempotent: existing ids are skipped). */
export async function seedDemoAssignments(
  store: DatabaseAssignmentStore,
  count = 126,
): Promise<number> {
  return store.insertGenerated(
    demoAssignments(count, { today: store.today() }),
  );
}
