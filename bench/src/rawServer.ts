/*
 * The limit each route is measured against: a minimal HTTP server (node:http,
 * no framework, no auth, no logging) in its own process, on the same run
 * databases as the backend. For every route it serves
 *
 *   /store/<route>   the plugin's own store call, as the router makes it
 *                    for the same user (same JSON);
 *   /knex/<route>    the SQL that store call sent (captured once at start),
 *                    replayed as bare knex.raw calls;
 *   /driver/<route>  the same SQL on the bare driver (better-sqlite3
 *                    prepared statements, or a node-postgres pool).
 *
 * All three serve the same JSON: the store call's answer, which the knex
 * and driver tiers keep from the capture and serialize anew each time,
 * as the route does (the rows themselves are another, larger document).
 *
 * Started by the harness (bench/src/server.ts) with BENCH_RAW_* variables.
 */
import { DEFAULT_RATE_TABLE } from '@internal/plugin-assignments-common';
import {
  assignmentQuerySchema,
  bookingSchema,
} from '@internal/plugin-assignments-common';
import {
  Caller,
  DatabaseAssignmentStore,
} from '@internal/plugin-assignments-backend/src/database/DatabaseAssignmentStore';
import { DatabaseEvaluationStore } from '@internal/plugin-evaluation-backend/src/database/DatabaseEvaluationStore';
import { DatabaseMeetingStore } from '@internal/plugin-network-meetings-backend/src/database/DatabaseMeetingStore';
import {
  meetingQuerySchema,
  rsvpSchema,
} from '@internal/plugin-network-meetings-common';
import { DatabaseProfileStore } from '@internal/plugin-peer-directory-backend/src/database/DatabaseProfileStore';
import { profileQuerySchema } from '@internal/plugin-peer-directory-common';
import type { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { Pool } from 'pg';
import {
  BOARD_QUERY,
  DEEP_QUERY,
  DIRECTORY_QUERY,
  RouteContext,
  answerOf,
  booking,
  lastYear,
  nextMonth,
} from './routes';
import { Captured, openBareKnex, pgConnection, replay } from './bareKnex';

const env = process.env;
const db = env.BENCH_RAW_DB as 'sqlite' | 'pg';
const context = JSON.parse(
  fs.readFileSync(env.BENCH_RAW_CONTEXT!, 'utf8'),
) as RouteContext;

/** What the raw server uses of better-sqlite3 (it has no types here). */
type SqliteStatement = {
  reader: boolean;
  all(values: unknown[]): unknown[];
  run(values: unknown[]): unknown;
};
type SqliteDatabase = { prepare(sql: string): SqliteStatement };

/** The bare pieces on one plugin's database. */
type Plugin = {
  /** The plugin's id: its database's name. */
  id: string;
  /** Bare Knex: the `knex` tier replays the captured SQL on it. */
  knex: Knex;
  /**
   * The Knex the store is given. On SQLite its own connection: the stores
   * keep prepared statements on theirs (cacheSqliteStatements), which bare
   * Knex does not.
   */
  storeKnex: Knex;
  /** Runs SQL on the bare driver, with ? placeholders. */
  driver: (sql: string, bindings: unknown[]) => Promise<unknown>;
};

function openPlugin(id: string): Plugin {
  const knex = openBareKnex(id);
  if (db === 'sqlite') {
    const filename = path.join(env.BENCH_RAW_SQLITE_DIR!, `${id}.sqlite`);
    const bare: SqliteDatabase = new (require('better-sqlite3'))(filename);
    const statements = new Map<string, SqliteStatement>();
    return {
      id,
      knex,
      storeKnex: openBareKnex(id),
      driver: async (sql, bindings) => {
        let statement = statements.get(sql);
        if (!statement) {
          statement = bare.prepare(sql);
          statements.set(sql, statement);
        }
        // As knex's better-sqlite3 client binds them.
        const values = bindings.map(v => {
          if (v instanceof Date) return v.valueOf();
          return typeof v === 'boolean' ? +v : v;
        });
        return statement.reader ? statement.all(values) : statement.run(values);
      },
    };
  }
  // The same pool size as the backend's (app-config.production.yaml).
  const pool = new Pool({
    connectionString: pgConnection(id),
    max: Number(env.BENCH_RAW_POOL_MAX),
  });
  return {
    id,
    knex,
    storeKnex: knex,
    driver: async (sql, bindings) => {
      let n = 0;
      const text = sql.replace(/\?/g, () => `$${++n}`);
      return (await pool.query(text, bindings as unknown[])).rows;
    },
  };
}

function service(knex: Knex): DatabaseService {
  return {
    getClient: async () => knex,
    migrations: { skip: true },
  } as DatabaseService;
}

/** The SQL a call sends, in order (knex's ? placeholders), and its answer. */
async function capture(knex: Knex, call: () => Promise<unknown>) {
  const captured: Captured[] = [];
  const listener = (q: { sql: string; bindings?: unknown[] }) => {
    captured.push({
      sql: q.sql.replace(/\$\d+/g, '?'),
      bindings: q.bindings ?? [],
    });
  };
  knex.on('query', listener);
  let answer: unknown;
  try {
    answer = await call();
  } finally {
    knex.removeListener('query', listener);
  }
  const queries = captured.filter(
    q => !/^(begin|commit|rollback|savepoint|release)/i.test(q.sql.trim()),
  );
  return { queries, answer };
}

const peer: Caller = {
  userRef: 'user:default/asa.lindqvist',
  groups: ['peer', 'rjl-recovery-college'],
  canManage: false,
  canInterest: true,
};
const teamLeader: Caller = {
  userRef: 'user:default/anders.holm',
  groups: ['team-leader', 'vgr-sahlgrenska-avd-367'],
  canManage: false,
  canInterest: false,
};
const peerViewer = {
  userRef: peer.userRef,
  audiences: new Set(['peers', 'everyone'] as const),
};

type RawRoute = {
  plugin: Plugin;
  /** The store call, as the router makes it; i counts the requests. */
  call: (i: number) => Promise<unknown>;
};

async function main() {
  const directory = openPlugin('peer-directory');
  const assignments = openPlugin('assignments');
  const meetings = openPlugin('network-meetings');
  const evaluation = openPlugin('evaluation');
  const bazaar = openPlugin('bazaar');

  const profileStore = await DatabaseProfileStore.create({
    database: service(directory.storeKnex),
  });
  const assignmentStore = await DatabaseAssignmentStore.create({
    database: service(assignments.storeKnex),
    rates: DEFAULT_RATE_TABLE,
  });
  const meetingStore = await DatabaseMeetingStore.create({
    database: service(meetings.storeKnex),
  });
  const evaluationStore = await DatabaseEvaluationStore.create({
    database: service(evaluation.storeKnex),
  });
  const bazaarColumns = [
    'metadata.id',
    'metadata.entity_ref',
    'metadata.title',
    'metadata.description',
    'metadata.status',
    'metadata.updated_at',
    'metadata.community',
    'metadata.size',
    'metadata.start_date',
    'metadata.end_date',
    'metadata.responsible',
    'metadata.docs',
  ];

  const routes: Record<string, RawRoute> = {
    'directory-search': {
      plugin: directory,
      call: () =>
        profileStore.listProfiles(profileQuerySchema.parse(DIRECTORY_QUERY), {
          includeSensitive: true,
        }),
    },
    'board-first': {
      plugin: assignments,
      call: () =>
        assignmentStore.list(assignmentQuerySchema.parse(BOARD_QUERY), peer),
    },
    'board-deep': {
      plugin: assignments,
      call: () =>
        assignmentStore.list(
          assignmentQuerySchema.parse({
            ...DEEP_QUERY,
            cursor: context.deepCursor,
          }),
          peer,
        ),
    },
    'meetings-month': {
      plugin: meetings,
      call: () =>
        meetingStore.listMeetings(
          meetingQuerySchema.parse(nextMonth(context)),
          peerViewer,
        ),
    },
    'metrics-month': {
      plugin: evaluation,
      call: () =>
        evaluationStore.metrics(
          { ...lastYear(context), groupBy: 'month' },
          { kind: 'all' },
        ),
    },
    'metrics-region': {
      plugin: evaluation,
      call: () =>
        evaluationStore.metrics(
          { ...lastYear(context), groupBy: 'region' },
          { kind: 'all' },
        ),
    },
    // The Bazaar backend's own list query (its DatabaseHandler.getProjects).
    'bazaar-list': {
      plugin: bazaar,
      call: () =>
        bazaar
          .storeKnex('metadata')
          .select([
            ...bazaarColumns,
            bazaar.storeKnex.raw(
              'coalesce(count(members.item_id), 0) as members_count',
            ),
          ])
          .groupBy(bazaarColumns)
          .limit(50)
          .leftJoin('members', 'metadata.id', '=', 'members.item_id'),
    },
    book: {
      plugin: assignments,
      call: async i => {
        const id = await assignmentStore.create(
          bookingSchema.parse(booking(context, i)),
          {
            createdBy: teamLeader.userRef,
            region: 'vastra-gotaland',
            publish: true,
          },
        );
        return assignmentStore.get(id, teamLeader);
      },
    },
    answer: {
      plugin: meetings,
      call: async i => {
        const { meeting, rsvp } = await meetingStore.answer(
          context.answerable[i % context.answerable.length],
          peerViewer,
          rsvpSchema.parse(answerOf(i)),
        );
        return { meeting, rsvp };
      },
    },
  };

  // Capture the SQL of each read once, and the JSON it answers.
  const sql: Record<string, Captured[]> = {};
  const answers: Record<string, unknown> = {};
  for (const [id, route] of Object.entries(routes)) {
    if (id === 'book' || id === 'answer') continue;
    const { queries, answer } = await capture(route.plugin.storeKnex, () =>
      route.call(0),
    );
    sql[id] = queries;
    answers[id] = answer;
  }

  let count = 0;
  const server = http.createServer(async (req, res) => {
    try {
      const [, tier, id] = (req.url ?? '').split('/');
      if (tier === 'ready') {
        // The floor's ceiling tier replays this SQL on the plugin's database.
        const plugins = Object.fromEntries(
          Object.entries(routes).map(([r, { plugin }]) => [r, plugin.id]),
        );
        res.end(JSON.stringify({ routes: Object.keys(routes), sql, plugins }));
        return;
      }
      const route = routes[id];
      if (!route || (tier !== 'store' && !sql[id])) {
        res.statusCode = 404;
        res.end();
        return;
      }
      // Drain a request body, as the backend reads it.
      for await (const _chunk of req);
      let body: unknown;
      if (tier === 'store') {
        body = await route.call(count++);
      } else if (tier === 'knex') {
        await replay(route.plugin.knex, sql[id]);
        body = answers[id];
      } else {
        for (const q of sql[id]) {
          await route.plugin.driver(q.sql, q.bindings);
        }
        body = answers[id];
      }
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.end(JSON.stringify(body));
    } catch (error) {
      res.statusCode = 500;
      res.end(String(error));
    }
  });
  server.keepAliveTimeout = 60_000;
  server.listen(Number(env.BENCH_RAW_PORT));
}

// The harness stops its servers with SIGINT: exit normally, so that
// --cpu-prof writes the profile.
process.on('SIGINT', () => process.exit(0));

main().catch(error => {
  console.error(error);
  process.exit(1);
});
