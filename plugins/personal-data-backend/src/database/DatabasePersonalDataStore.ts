import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  ErasureReport,
  ErasureRequest,
  ErasureRequestList,
  ErasureStatus,
  ErasureStep,
  RetentionPluginResult,
  RetentionPolicy,
  RetentionRun,
} from '@internal/plugin-personal-data-common';
import {
  cacheSqliteStatements,
  decodeKeyset,
  encodeKeyset,
} from '@internal/plugin-portal-node';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';

const MIGRATIONS = resolvePackagePath(
  '@internal/plugin-personal-data-backend',
  'migrations',
);

/** Who decided a request that the retention rules required. */
export const RETENTION_ACTOR = 'system:retention';

type RequestRow = {
  id: string;
  user_ref: string;
  display_name: string;
  origin: ErasureRequest['origin'];
  status: ErasureStatus;
  requested_at: string;
  decided_by: string | null;
  decided_at: string | null;
  reject_reason: string | null;
  completed_at: string | null;
  pseudonym: string | null;
  lease_until: string | null;
  attempts: number | string;
  last_error: string | null;
  updated_at: string;
};

type StepRow = {
  request_id: string;
  plugin_id: string;
  position: number | string;
  status: ErasureStep['status'];
  erased: number | string | null;
  anonymised: number | string | null;
  kept: string | null;
  error: string | null;
  attempts: number | string;
  finished_at: string | null;
};

type RunRow = {
  id: number | string;
  trigger: RetentionRun['trigger'];
  started_by: string | null;
  started_at: string;
  finished_at: string | null;
  status: RetentionRun['status'];
  policy: string;
  plugins: string;
  erasures: number | string;
  erasure_records_removed: number | string;
};

/** A request claimed for a run: what the runner needs to do its work. */
export type ClaimedRequest = {
  id: string;
  userRef: string;
  pseudonym: string;
  steps: Array<{ pluginId: string; status: ErasureStep['status'] }>;
};

/** How long an error message is kept (the rest is in the logs). */
const ERROR_LENGTH = 1000;

/**
 * The personal-data service's store: erasure requests, their steps (one per
 * plugin), and the retention runs. Every change of a request's status is a
 * conditional update, so that two coordinators (or two replicas) acting at
 * once cannot both confirm a request or run it twice at the same time.
 */
export class DatabasePersonalDataStore {
  private constructor(private readonly db: Knex) {}

  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabasePersonalDataStore> {
    const client = cacheSqliteStatements(await options.database.getClient());
    if (!options.database.migrations?.skip) {
      await client.migrate.latest({
        directory: MIGRATIONS,
        tableName: 'pdata_knex_migrations',
      });
    }
    return new DatabasePersonalDataStore(client);
  }

  // --- erasure requests -----------------------------------------------------

  /**
   * A person asks for the erasure of their data: a pending request, which a
   * coordinator confirms or rejects. One open request per person (409).
   */
  async createRequest(input: {
    userRef: string;
    displayName: string;
    now: Date;
  }): Promise<ErasureRequest> {
    const id = randomUUID();
    const at = input.now.toISOString();
    await this.insertOpen(input.userRef, () =>
      this.db('pdata_erasure_requests').insert({
        id,
        user_ref: input.userRef,
        display_name: input.displayName,
        origin: 'person',
        status: 'pending',
        requested_at: at,
        updated_at: at,
      }),
    );
    return (await this.getRequest(id))!;
  }

  /**
   * The retention rules require a person's erasure: a request confirmed at
   * once by the system, with its steps. If the person has an open request
   * already, that one is used (and confirmed if it was pending).
   */
  async createRetentionRequest(input: {
    userRef: string;
    displayName: string;
    plugins: string[];
    now: Date;
  }): Promise<ErasureRequest> {
    const open = await this.openRequestOf(input.userRef);
    if (open) {
      return open.status === 'pending'
        ? this.confirm(open.id, RETENTION_ACTOR, input.plugins, input.now)
        : open;
    }
    const id = randomUUID();
    const at = input.now.toISOString();
    await this.insertOpen(input.userRef, () =>
      this.db.transaction(async tx => {
        await tx('pdata_erasure_requests').insert({
          id,
          user_ref: input.userRef,
          display_name: input.displayName,
          origin: 'retention',
          status: 'in-progress',
          requested_at: at,
          decided_by: RETENTION_ACTOR,
          decided_at: at,
          pseudonym: newPseudonym(),
          updated_at: at,
        });
        await insertSteps(tx, id, input.plugins);
      }),
    );
    return (await this.getRequest(id))!;
  }

  private async insertOpen(userRef: string, insert: () => Promise<unknown>) {
    try {
      await insert();
    } catch (error) {
      if (await this.openRequestOf(userRef)) {
        throw new ConflictError(
          'There is already an erasure request for this person that is not finished',
        );
      }
      throw error;
    }
  }

  async getRequest(id: string): Promise<ErasureRequest | undefined> {
    const row = await this.db<RequestRow>('pdata_erasure_requests')
      .where({ id })
      .first();
    if (!row) return undefined;
    const [request] = await this.withSteps([row]);
    return request;
  }

  /** The person's open request (pending or in progress), if any. */
  async openRequestOf(userRef: string): Promise<ErasureRequest | undefined> {
    const row = await this.db<RequestRow>('pdata_erasure_requests')
      .where({ user_ref: userRef })
      .whereIn('status', ['pending', 'in-progress'])
      .first();
    return row ? (await this.withSteps([row]))[0] : undefined;
  }

  /** A person's own requests, newest first. */
  async listOwn(userRef: string, limit = 20): Promise<ErasureRequest[]> {
    const rows = await this.db<RequestRow>('pdata_erasure_requests')
      .where({ user_ref: userRef })
      .orderBy('requested_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit);
    return this.withSteps(rows);
  }

  /** Requests since an instant, newest first, a keyset page at a time. */
  async listRequests(query: {
    since: string;
    status?: ErasureStatus;
    limit: number;
    cursor?: string;
  }): Promise<ErasureRequestList> {
    const q = this.db<RequestRow>('pdata_erasure_requests')
      .where('requested_at', '>=', query.since)
      .orderBy('requested_at', 'desc')
      .orderBy('id', 'desc')
      .limit(query.limit + 1);
    if (query.status) q.where('status', query.status);
    if (query.cursor) {
      const [at, id] = decodeKeyset<[string, string]>(query.cursor, [
        'string',
        'string',
      ]);
      q.where(w =>
        w
          .where('requested_at', '<', at)
          .orWhere(w2 => w2.where('requested_at', at).where('id', '<', id)),
      );
    }
    const rows = await q;
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: await this.withSteps(page),
      nextCursor:
        rows.length > query.limit && last
          ? encodeKeyset([last.requested_at, last.id])
          : undefined,
    };
  }

  /**
   * Confirms a pending request: it goes in progress with one pending step
   * per plugin and a fresh pseudonym. Only a pending request can be
   * confirmed, once (409 otherwise).
   */
  async confirm(
    id: string,
    by: string,
    plugins: string[],
    now: Date,
  ): Promise<ErasureRequest> {
    const at = now.toISOString();
    await this.db.transaction(async tx => {
      const updated = await tx('pdata_erasure_requests')
        .where({ id, status: 'pending' })
        .update({
          status: 'in-progress',
          decided_by: by,
          decided_at: at,
          pseudonym: newPseudonym(),
          updated_at: at,
        });
      if (!updated) {
        throw await this.notPending(tx, id);
      }
      await insertSteps(tx, id, plugins);
    });
    return (await this.getRequest(id))!;
  }

  /** Rejects a pending request, with the reason (409 unless pending). */
  async reject(
    id: string,
    by: string,
    reason: string,
    now: Date,
  ): Promise<ErasureRequest> {
    const at = now.toISOString();
    const updated = await this.db('pdata_erasure_requests')
      .where({ id, status: 'pending' })
      .update({
        status: 'rejected',
        decided_by: by,
        decided_at: at,
        reject_reason: reason,
        updated_at: at,
      });
    if (!updated) {
      throw await this.notPending(this.db, id);
    }
    return (await this.getRequest(id))!;
  }

  /**
   * The person withdraws their own pending request. Someone else's request
   * is not found (404); one that is no longer pending cannot be (409).
   */
  async withdraw(
    id: string,
    userRef: string,
    now: Date,
  ): Promise<ErasureRequest> {
    const at = now.toISOString();
    const updated = await this.db('pdata_erasure_requests')
      .where({ id, user_ref: userRef, status: 'pending' })
      .update({
        status: 'withdrawn',
        decided_by: userRef,
        decided_at: at,
        updated_at: at,
      });
    if (!updated) {
      const own = await this.db('pdata_erasure_requests')
        .where({ id, user_ref: userRef })
        .first('id');
      throw own
        ? await this.notPending(this.db, id)
        : new NotFoundError(`No erasure request with id ${id}`);
    }
    return (await this.getRequest(id))!;
  }

  private async notPending(db: Knex, id: string): Promise<Error> {
    const row = await db('pdata_erasure_requests').where({ id }).first();
    return row
      ? new ConflictError(`The request is ${row.status}, not pending`)
      : new NotFoundError(`No erasure request with id ${id}`);
  }

  /**
   * Takes a request in progress for a run until `now + leaseMs`, unless
   * another run holds it. Returns undefined when it is not in progress or
   * is held.
   */
  async claim(
    id: string,
    now: Date,
    leaseMs: number,
  ): Promise<ClaimedRequest | undefined> {
    const at = now.toISOString();
    const claimed = await this.db('pdata_erasure_requests')
      .where({ id, status: 'in-progress' })
      .where(notHeld(at))
      .update({
        lease_until: new Date(now.getTime() + leaseMs).toISOString(),
        attempts: this.db.raw('attempts + 1'),
        updated_at: at,
      });
    if (!claimed) return undefined;
    const row = await this.db<RequestRow>('pdata_erasure_requests')
      .where({ id })
      .first();
    const steps = await this.db<StepRow>('pdata_erasure_steps')
      .where({ request_id: id })
      .orderBy('position', 'asc');
    return {
      id,
      userRef: row!.user_ref,
      pseudonym: row!.pseudonym!,
      steps: steps.map(s => ({ pluginId: s.plugin_id, status: s.status })),
    };
  }

  async stepDone(
    id: string,
    pluginId: string,
    report: ErasureReport,
    now: Date,
  ): Promise<void> {
    await this.db('pdata_erasure_steps')
      .where({ request_id: id, plugin_id: pluginId })
      .update({
        status: 'done',
        erased: report.erased,
        anonymised: report.anonymised,
        kept: JSON.stringify(report.kept),
        error: null,
        attempts: this.db.raw('attempts + 1'),
        finished_at: now.toISOString(),
      });
  }

  async stepFailed(
    id: string,
    pluginId: string,
    error: string,
    now: Date,
  ): Promise<void> {
    const message = error.slice(0, ERROR_LENGTH);
    await this.db.transaction(async tx => {
      await tx('pdata_erasure_steps')
        .where({ request_id: id, plugin_id: pluginId })
        .update({
          status: 'failed',
          error: message,
          attempts: tx.raw('attempts + 1'),
        });
      await tx('pdata_erasure_requests')
        .where({ id })
        .update({
          last_error: `${pluginId}: ${message}`.slice(0, ERROR_LENGTH),
          updated_at: now.toISOString(),
        });
    });
  }

  /**
   * Ends a run: the request is completed when every step is done (and its
   * pseudonym forgotten, so that nothing links it to the person any more);
   * otherwise it stays in progress, released for the next run.
   */
  async finishRun(id: string, now: Date): Promise<ErasureRequest> {
    const at = now.toISOString();
    await this.db.transaction(async tx => {
      const [{ open }] = await tx('pdata_erasure_steps')
        .where({ request_id: id })
        .whereNot('status', 'done')
        .count({ open: '*' });
      if (Number(open) === 0) {
        await tx('pdata_erasure_requests').where({ id }).update({
          status: 'completed',
          completed_at: at,
          pseudonym: null,
          lease_until: null,
          last_error: null,
          updated_at: at,
        });
      } else {
        await tx('pdata_erasure_requests')
          .where({ id })
          .update({ lease_until: null, updated_at: at });
      }
    });
    return (await this.getRequest(id))!;
  }

  /** Requests in progress that no run holds: to be resumed. */
  async resumable(now: Date, limit = 50): Promise<string[]> {
    const rows = await this.db('pdata_erasure_requests')
      .where({ status: 'in-progress' })
      .where(notHeld(now.toISOString()))
      .orderBy('requested_at', 'asc')
      .limit(limit)
      .select('id');
    return rows.map(r => r.id);
  }

  /**
   * Retention of this service's own records: finished requests (completed,
   * rejected or withdrawn) whose decision or completion is older than the
   * cutoff.
   */
  async removeFinishedBefore(cutoff: Date): Promise<number> {
    const at = cutoff.toISOString();
    return this.db.transaction(async tx => {
      const ids = (
        await tx('pdata_erasure_requests')
          .where(w =>
            w
              .where(w2 =>
                w2.where('status', 'completed').where('completed_at', '<', at),
              )
              .orWhere(w3 =>
                w3
                  .whereIn('status', ['rejected', 'withdrawn'])
                  .where('decided_at', '<', at),
              ),
          )
          .select('id')
      ).map(r => r.id);
      for (let i = 0; i < ids.length; i += 400) {
        const chunk = ids.slice(i, i + 400);
        await tx('pdata_erasure_steps').whereIn('request_id', chunk).delete();
        await tx('pdata_erasure_requests').whereIn('id', chunk).delete();
      }
      return ids.length;
    });
  }

  private async withSteps(rows: RequestRow[]): Promise<ErasureRequest[]> {
    const ids = rows.map(r => r.id);
    const steps = ids.length
      ? await this.db<StepRow>('pdata_erasure_steps')
          .whereIn('request_id', ids)
          .orderBy('position', 'asc')
      : [];
    const byRequest = new Map<string, ErasureStep[]>();
    for (const s of steps) {
      const list = byRequest.get(s.request_id) ?? [];
      list.push(toStep(s));
      byRequest.set(s.request_id, list);
    }
    return rows.map(r => toRequest(r, byRequest.get(r.id) ?? []));
  }

  // --- retention runs -----------------------------------------------------

  /**
   * Starts a run of the retention rules, unless one is running (409); a
   * run that has not finished within `staleMs` is taken for dead.
   */
  async startRetentionRun(input: {
    trigger: RetentionRun['trigger'];
    startedBy?: string;
    policy: RetentionPolicy;
    now: Date;
    staleMs: number;
  }): Promise<number> {
    return this.db.transaction(async tx => {
      const running = await tx<RunRow>('pdata_retention_runs')
        .where({ status: 'running' })
        .where(
          'started_at',
          '>',
          new Date(input.now.getTime() - input.staleMs).toISOString(),
        )
        .first();
      if (running) {
        throw new ConflictError('The retention rules are being applied now');
      }
      const [inserted] = await tx('pdata_retention_runs')
        .insert({
          trigger: input.trigger,
          started_by: input.startedBy ?? null,
          started_at: input.now.toISOString(),
          status: 'running',
          policy: JSON.stringify(input.policy),
        })
        .returning('id');
      return Number(typeof inserted === 'object' ? inserted.id : inserted);
    });
  }

  async finishRetentionRun(
    id: number,
    result: {
      plugins: RetentionPluginResult[];
      erasures: number;
      erasureRecordsRemoved: number;
      now: Date;
    },
  ): Promise<RetentionRun> {
    await this.db('pdata_retention_runs')
      .where({ id })
      .update({
        status: result.plugins.some(p => p.status === 'failed')
          ? 'incomplete'
          : 'completed',
        finished_at: result.now.toISOString(),
        plugins: JSON.stringify(result.plugins),
        erasures: result.erasures,
        erasure_records_removed: result.erasureRecordsRemoved,
      });
    const row = await this.db<RunRow>('pdata_retention_runs')
      .where({ id })
      .first();
    return toRun(row!);
  }

  /** The latest retention runs, newest first. */
  async listRetentionRuns(limit: number): Promise<RetentionRun[]> {
    const rows = await this.db<RunRow>('pdata_retention_runs')
      .orderBy('id', 'desc')
      .limit(limit);
    return rows.map(toRun);
  }
}

/** Requests that no run holds: never leased, or the lease ran out before `at`. */
function notHeld(at: string) {
  return (w: Knex.QueryBuilder) =>
    w.whereNull('lease_until').orWhere('lease_until', '<', at);
}

function newPseudonym(): string {
  return `user:erased/${randomUUID()}`;
}

async function insertSteps(
  tx: Knex.Transaction,
  requestId: string,
  plugins: string[],
) {
  if (!plugins.length) return;
  await tx('pdata_erasure_steps').insert(
    plugins.map((pluginId, position) => ({
      request_id: requestId,
      plugin_id: pluginId,
      position,
      status: 'pending',
    })),
  );
}

function toStep(row: StepRow): ErasureStep {
  const step: ErasureStep = {
    pluginId: row.plugin_id,
    status: row.status,
    attempts: Number(row.attempts),
  };
  if (row.status === 'done') {
    step.report = {
      erased: Number(row.erased ?? 0),
      anonymised: Number(row.anonymised ?? 0),
      kept: row.kept ? JSON.parse(row.kept) : [],
    };
  }
  if (row.error) step.error = row.error;
  if (row.finished_at) step.finishedAt = row.finished_at;
  return step;
}

function toRequest(row: RequestRow, steps: ErasureStep[]): ErasureRequest {
  const request: ErasureRequest = {
    id: row.id,
    userRef: row.user_ref,
    displayName: row.display_name,
    origin: row.origin,
    status: row.status,
    requestedAt: row.requested_at,
    attempts: Number(row.attempts),
    steps,
  };
  if (row.decided_by) request.decidedBy = row.decided_by;
  if (row.decided_at) request.decidedAt = row.decided_at;
  if (row.reject_reason) request.rejectReason = row.reject_reason;
  if (row.completed_at) request.completedAt = row.completed_at;
  if (row.last_error) request.lastError = row.last_error;
  return request;
}

function toRun(row: RunRow): RetentionRun {
  const run: RetentionRun = {
    id: Number(row.id),
    trigger: row.trigger,
    startedAt: row.started_at,
    status: row.status,
    policy: JSON.parse(row.policy),
    plugins: JSON.parse(row.plugins),
    erasures: Number(row.erasures),
    erasureRecordsRemoved: Number(row.erasure_records_removed),
  };
  if (row.started_by) run.startedBy = row.started_by;
  if (row.finished_at) run.finishedAt = row.finished_at;
  return run;
}
