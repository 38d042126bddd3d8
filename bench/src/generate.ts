/*
 * Data at scale, made through each plugin's own store (never by writing one
 * plugin's tables from another), with the generators of the plugins' demo
 * seeds and benchmarks. Each plugin's database is made once per scale and
 * database and kept (bench/.data/manifest.json says what is there); --fresh
 * or a different size makes it again.
 */
import { DEFAULT_RATE_TABLE } from '@internal/plugin-assignments-common';
import { DatabaseAssignmentStore } from '@internal/plugin-assignments-backend/src/database/DatabaseAssignmentStore';
import { demoAssignments } from '@internal/plugin-assignments-backend/src/demo/seed';
import { DatabaseEvaluationStore } from '@internal/plugin-evaluation-backend/src/database/DatabaseEvaluationStore';
import { generateAssignmentFacts } from '@internal/plugin-evaluation-backend/src/demo/generate';
import {
  ALL_AUDIENCES_VIEWER,
  DatabaseMeetingStore,
} from '@internal/plugin-network-meetings-backend/src/database/DatabaseMeetingStore';
import {
  AUDIENCES,
  MEETING_KINDS,
  meetingCreateSchema,
} from '@internal/plugin-network-meetings-common';
import { DatabaseProfileStore } from '@internal/plugin-peer-directory-backend/src/database/DatabaseProfileStore';
import { demoProfiles } from '@internal/plugin-peer-directory-backend/src/demo/seed';
import { DEMO_REGIONS, seededRandom } from '@internal/plugin-portal-node';
import { Knex } from 'knex';
import { DateTime } from 'luxon';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DB_LABEL, DbKind, Options } from './config';
import { databaseService, dropPluginData, pluginKnex } from './databases';

const ZONE = 'Europe/Stockholm';

/** Fictional peers who show interest and answer meetings. */
export const PEER_POOL = 3000;
export const peerRef = (i: number) =>
  `user:default/demo-${String(i).padStart(5, '0')}`;

type Manifest = Record<string, Record<string, string>>;

function manifestFile(options: Options) {
  return path.join(options.dataDir, 'manifest.json');
}

export function readManifest(options: Options): Manifest {
  try {
    return JSON.parse(fs.readFileSync(manifestFile(options), 'utf8'));
  } catch {
    return {};
  }
}

export function markDone(
  options: Options,
  db: DbKind,
  part: string,
  key: string,
) {
  const manifest = readManifest(options);
  manifest[db] = { ...manifest[db], [part]: key };
  fs.mkdirSync(options.dataDir, { recursive: true });
  fs.writeFileSync(manifestFile(options), JSON.stringify(manifest, null, 2));
}

export function isDone(
  options: Options,
  db: DbKind,
  part: string,
  key: string,
) {
  return !options.fresh && readManifest(options)[db]?.[part] === key;
}

/** Progress on one line: "SQLite: assignments 35000/100000 (12 s)". */
function progress(db: DbKind, what: string, started: number) {
  return (done: number, total: number) => {
    const s = ((performance.now() - started) / 1000).toFixed(0);
    process.stdout.write(
      `\r  ${DB_LABEL[db]}: ${what} ${done}/${total} (${s} s)   `,
    );
    if (done >= total) process.stdout.write('\n');
  };
}

async function analyze(knex: Knex, db: DbKind) {
  await knex.raw(db === 'pg' ? 'VACUUM ANALYZE' : 'ANALYZE');
}

type Generator = {
  pluginId: string;
  /** Names the data, e.g. its size and the day it was made for. */
  key: (options: Options) => string;
  fill: (knex: Knex, options: Options, db: DbKind) => Promise<void>;
};

const today = () => DateTime.now().setZone(ZONE).toISODate()!;

const GENERATORS: Generator[] = [
  {
    pluginId: 'peer-directory',
    key: o => `${o.scale.profiles} profiles`,
    async fill(knex, options, db) {
      const store = await DatabaseProfileStore.create({
        database: databaseService(knex),
      });
      const profiles = demoProfiles(options.scale.profiles, 7);
      const show = progress(db, 'profiles', performance.now());
      for (let i = 0; i < profiles.length; i++) {
        await store.createProfile(profiles[i]);
        if ((i + 1) % 500 === 0 || i + 1 === profiles.length) {
          show(i + 1, profiles.length);
        }
      }
    },
  },
  {
    pluginId: 'assignments',
    key: o =>
      `${o.scale.assignments} assignments, ${o.scale.interestsPerAssignment} interests each`,
    async fill(knex, options, db) {
      const store = await DatabaseAssignmentStore.create({
        database: databaseService(knex),
        rates: DEFAULT_RATE_TABLE,
      });
      const peers = Array.from({ length: PEER_POOL }, (_, i) => ({
        userRef: peerRef(i),
        displayName: `Demo ${i}`,
      }));
      const total = options.scale.assignments;
      const show = progress(db, 'assignments', performance.now());
      const batch = 2000;
      for (let done = 0; done < total; done += batch) {
        await store.insertGenerated(
          demoAssignments(Math.min(batch, total - done), {
            today: today(),
            seed: 11,
            peers,
            interestsPerAssignment: options.scale.interestsPerAssignment,
            offset: done,
          }),
        );
        show(Math.min(total, done + batch), total);
      }
    },
  },
  {
    pluginId: 'network-meetings',
    key: o => `${o.scale.meetings} meetings, ${o.scale.answers} answers`,
    fill: fillMeetings,
  },
  {
    pluginId: 'evaluation',
    key: o => `${o.scale.facts} facts`,
    async fill(knex, options, db) {
      const store = await DatabaseEvaluationStore.create({
        database: databaseService(knex),
      });
      const total = options.scale.facts;
      const show = progress(db, 'evaluation facts', performance.now());
      const batch = 5000;
      for (let done = 0; done < total; done += batch) {
        await store.ingestAssignmentFacts(
          generateAssignmentFacts({
            count: Math.min(batch, total - done),
            seed: 3,
            offset: done,
            lastMonth: today().slice(0, 7),
            months: 120,
            peers: PEER_POOL,
          }),
        );
        show(Math.min(total, done + batch), total);
      }
      await store.analyze();
    },
  },
];

/**
 * Meetings over the past and the coming year (a tenth of them repeating
 * monthly is not needed: the calendar lists occurrences), in every region,
 * kind and audience, a third with a capacity; the answers spread over the
 * pool of peers, given before each meeting.
 */
async function fillMeetings(knex: Knex, options: Options, db: DbKind) {
  const store = await DatabaseMeetingStore.create({
    database: databaseService(knex),
  });
  const rnd = seededRandom(5);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const regions = Object.keys(DEMO_REGIONS);
  const start = DateTime.now()
    .setZone(ZONE)
    .startOf('day')
    .minus({ days: 365 });
  const { meetings, answers } = options.scale;
  const perMeeting = answers / meetings;
  const show = progress(db, 'meetings', performance.now());
  let answered = 0;
  for (let i = 0; i < meetings; i++) {
    const day = start.plus({ days: Math.floor((i * 730) / meetings) });
    const hour = 9 + Math.floor(rnd() * 9);
    const region = pick(regions);
    const input = meetingCreateSchema.parse({
      title: `${pick([
        'Nätverksträff',
        'Handledning',
        'Recovery College',
        'Nordiskt möte',
      ])} ${i + 1}`,
      kind: pick(MEETING_KINDS),
      agenda: ['Erfarenhetsutbyte', 'Nytt inom psykiatrin'],
      place: `Mötesrum ${1 + (i % 20)}, ${region}`,
      region,
      audience: i % 5 === 0 ? 'peer-supporters' : pick(AUDIENCES),
      capacity: i % 3 === 0 ? 20 : null,
      start: `${day.toISODate()}T${String(hour).padStart(2, '0')}:00`,
      end: `${day.toISODate()}T${String(hour + 2).padStart(2, '0')}:00`,
    });
    const startsAt = day.set({ hour }).toJSDate();
    // Answers are given while the meeting is ahead.
    const before = store.withClock(
      () => new Date(Math.min(startsAt.getTime() - 86_400_000, Date.now())),
    );
    const meeting = await before.createMeeting(
      input,
      'user:default/mia.nordlund',
      ALL_AUDIENCES_VIEWER,
    );
    const target = Math.round((i + 1) * perMeeting) - answered;
    const first = Math.floor(rnd() * PEER_POOL);
    for (let k = 0; k < target; k++) {
      const r = rnd();
      let answer: 'yes' | 'maybe' | 'no' = 'no';
      if (r < 0.7) answer = 'yes';
      else if (r < 0.85) answer = 'maybe';
      await before.answer(
        meeting.id,
        { ...ALL_AUDIENCES_VIEWER, userRef: peerRef((first + k) % PEER_POOL) },
        { answer },
      );
    }
    answered += target;
    if ((i + 1) % 20 === 0 || i + 1 === meetings) show(i + 1, meetings);
  }
}

/** Makes what is missing of the four plugins' data on one database. */
export async function generate(options: Options, db: DbKind) {
  for (const generator of GENERATORS) {
    const key = generator.key(options);
    if (isDone(options, db, generator.pluginId, key)) continue;
    console.log(`  ${DB_LABEL[db]}: making ${generator.pluginId} (${key})`);
    const started = performance.now();
    await dropPluginData(options, db, generator.pluginId);
    const knex = await pluginKnex(
      options,
      db,
      'data',
      generator.pluginId,
      true,
    );
    try {
      await generator.fill(knex, options, db);
      await analyze(knex, db);
    } finally {
      await knex.destroy();
    }
    markDone(options, db, generator.pluginId, key);
    // The backend must be prepared again on the new data.
    markDone(options, db, 'prepared', '');
    console.log(
      `  ${DB_LABEL[db]}: ${generator.pluginId} made in ${(
        (performance.now() - started) /
        1000
      ).toFixed(0)} s`,
    );
  }
}
