import {
  ASSIGNMENT_TYPES,
  Experience,
  Language,
  SUPPORT_MODES,
  SUPPORT_TOPICS,
} from '@internal/plugin-peer-directory-common';
import {
  DatabaseProfileStore,
  NewProfile,
} from '../database/DatabaseProfileStore';
import { DEMO_REGIONS, seededRandom } from '@internal/plugin-portal-node';

export { DEMO_REGIONS };

const FIRST = [
  'Anna',
  'Erik',
  'Maria',
  'Lars',
  'Karin',
  'Johan',
  'Sara',
  'Mikael',
  'Emma',
  'Anders',
  'Fatima',
  'Ahmed',
  'Linnea',
  'Oskar',
  'Ingrid',
  'Hassan',
  'Maja',
  'Per',
  'Elsa',
  'Ali',
  'Sofia',
  'Nils',
  'Aino',
  'Mustafa',
  'Hanna',
  'Gustav',
  'Leila',
  'Björn',
  'Agnes',
  'Jörgen',
];
const LAST = [
  'Andersson',
  'Johansson',
  'Karlsson',
  'Nilsson',
  'Eriksson',
  'Larsson',
  'Olsson',
  'Persson',
  'Svensson',
  'Gustafsson',
  'Pettersson',
  'Jonsson',
  'Hansson',
  'Bengtsson',
  'Jönsson',
  'Lindberg',
  'Jakobsson',
  'Magnusson',
  'Lindström',
  'Öberg',
  'Åkesson',
  'Hosseini',
  'Yilmaz',
  'Mohammed',
  'Virtanen',
  'Sjögren',
  'Ekström',
  'Holmgren',
  'Mäkinen',
  'Berglund',
];
const EXTRA_LANGUAGES: Language[] = [
  'en',
  'ar',
  'fa',
  'so',
  'fi',
  'ti',
  'ku',
  'bs',
  'pl',
  'es',
  'se',
  'sgn-sv',
];
const STORIES = [
  'Jag levde länge med depression och ångest. Det som hjälpte mig var att någon lyssnade utan att döma.',
  'Som anhörig till en bror med psykos vet jag hur det är att stå bredvid. Jag delar gärna vad som hjälpte vår familj.',
  'Efter flera år i slutenvården hittade jag tillbaka till arbetslivet. Jag vill visa att återhämtning är möjlig.',
  'Jag har en bipolär diagnos och har lärt mig skilja på diagnos och person. Det vill jag hjälpa andra med.',
  'Min väg tillbaka gick genom små steg: promenader, rutiner och människor som trodde på mig.',
  'Jag har erfarenhet av ätstörning och självskada. I dag arbetar jag för att ingen ska behöva känna sig ensam.',
];

/** The value of the first band whose upper bound is above roll. */
function weighted<T>(
  roll: number,
  bands: ReadonlyArray<readonly [number, T]>,
): T {
  return (bands.find(([upper]) => roll < upper) ?? bands[bands.length - 1])[1];
}

/** A small deterministic random generator, so the seed is the same every time. */
/**
 * Makes `count` fictional profiles, the same on every call. The first four
 * belong to the demo users of catalog/org.yaml who are peers and peer
 * supporters, so that they find themselves.
 */
export function demoProfiles(count: number, seed = 42): NewProfile[] {
  const rnd = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const some = <T>(list: readonly T[], max: number) => {
    const n = 1 + Math.floor(rnd() * max);
    return [...new Set(Array.from({ length: n }, () => pick(list)))];
  };
  const regions = Object.keys(DEMO_REGIONS);
  const named: Array<Partial<NewProfile> & { userRef: string }> = [
    {
      userRef: 'user:default/asa.lindqvist',
      displayName: 'Åsa Lindqvist',
      role: 'peer',
      region: 'jonkoping',
      units: ['rjl-recovery-college'],
    },
    {
      userRef: 'user:default/omar.haddad',
      displayName: 'Omar Haddad',
      role: 'peer',
      region: 'vastra-gotaland',
      units: ['vgr-psykosmottagning-gbg'],
    },
    {
      userRef: 'user:default/elin.bergstrom',
      displayName: 'Elin Bergström',
      role: 'peer-supporter',
      region: 'skane',
      units: ['skane-malmo-avd-3'],
    },
    {
      userRef: 'user:default/jonas.nilsson',
      displayName: 'Jonas Nilsson',
      role: 'peer-supporter',
      region: 'vasterbotten',
      units: ['vll-umea-avd-5'],
    },
  ];
  const profiles: NewProfile[] = [];
  for (let i = 0; i < count; i++) {
    const base = named[i];
    const region = base?.region ?? pick(regions);
    const role = base?.role ?? (rnd() < 0.45 ? 'peer-supporter' : 'peer');
    const availabilityRoll = rnd();
    const availability = weighted(availabilityRoll, [
      [0.7, 'available'],
      [0.9, 'limited'],
      [1, 'paused'],
    ] as const);
    const consentRoll = rnd();
    const completed = `20${19 + Math.floor(rnd() * 7)}-0${
      1 + Math.floor(rnd() * 9)
    }-${10 + Math.floor(rnd() * 18)}`;
    profiles.push({
      userRef:
        base?.userRef ?? `user:default/demo-${String(i).padStart(5, '0')}`,
      displayName: base?.displayName ?? `${pick(FIRST)} ${pick(LAST)}`,
      role,
      region,
      units: base?.units ?? some(DEMO_REGIONS[region], 2),
      languages: [
        'sv',
        ...some(EXTRA_LANGUAGES, 2).filter(() => rnd() < 0.6),
      ] as Language[],
      supportModes: role === 'peer-supporter' ? some(SUPPORT_MODES, 3) : [],
      topics: role === 'peer-supporter' ? some(SUPPORT_TOPICS, 3) : [],
      assignmentTypes:
        role === 'peer'
          ? some(
              ASSIGNMENT_TYPES.filter(t => t !== 'other'),
              3,
            )
          : [],
      availability,
      pausedUntil: availability === 'paused' ? '2027-02-01' : null,
      membershipStatus: i >= 4 && rnd() < 0.08 ? 'paused' : 'active',
      experience: weighted(rnd(), [
        [0.75, ['own']],
        [0.875, ['relative']],
        [1, ['own', 'relative']],
      ] as Array<[number, Experience[]]>),
      story: pick(STORIES),
      consent: { experience: consentRoll < 0.7, story: consentRoll < 0.5 },
      trainings: [
        {
          kind:
            role === 'peer-supporter'
              ? 'nsph-peer-support'
              : 'recovery-college-peer',
          completedOn: completed,
          certified: true,
          recordedBy: 'user:default/mia.nordlund',
        },
      ],
    });
  }
  return profiles;
}

/** Puts the demo profiles in place; running it again changes nothing. */
export async function seedDemoProfiles(
  store: DatabaseProfileStore,
  count = 60,
): Promise<number> {
  const profiles = demoProfiles(count);
  for (const profile of profiles) {
    await store.createProfile(profile);
  }
  return profiles.length;
}
