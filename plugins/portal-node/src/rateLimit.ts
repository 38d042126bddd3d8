import { RootConfigService } from '@backstage/backend-plugin-api';
import { CustomErrorBase } from '@backstage/errors';
import express from 'express';
import { Knex } from 'knex';

/** At most `max` requests per person in each window of `windowSeconds`. @public */
export type RateLimit = { max: number; windowSeconds: number };

/** Too many requests from one person (429, with Retry-After). */
class TooManyRequestsError extends CustomErrorBase {
  name = 'TooManyRequestsError' as const;
  statusCode = 429 as const;
}

/**
 * Reads `<key>` from config as `{ max, windowSeconds }`, or the fallback.
 * @public
 */
export function readRateLimit(
  config: RootConfigService,
  key: string,
  fallback: RateLimit,
): RateLimit {
  const c = config.getOptionalConfig(key);
  return {
    max: c?.getOptionalNumber('max') ?? fallback.max,
    windowSeconds:
      c?.getOptionalNumber('windowSeconds') ?? fallback.windowSeconds,
  };
}

/**
 * A per-person rate limit kept in the plugin's own table (so that it holds
 * across replicas): one counter per person, bucket and fixed window,
 * raised with a conditional UPDATE (`count < max`), which is atomic on
 * SQLite and PostgreSQL alike. Run it after the input is parsed and the
 * permission checked: a turn is counted for each attempt that gets that
 * far (also one refused as a conflict, e.g. a repeated registration);
 * one that the store refuses as wrong input (400) gives its turn back and
 * leaves no row. A request over the limit gets 429 with Retry-After and
 * changes nothing. The table (created by the plugin's migration):
 * `bucket, user_ref, window_start (ms), count`, primary key on the first three.
 *
 * @public
 */
export class RateLimiter {
  constructor(
    private readonly options: {
      knex: Knex;
      table: string;
      limits: Record<string, RateLimit>;
      clock?: () => number;
    },
  ) {}

  /** Runs `step` as one of the person's turns in `bucket`, or throws 429. */
  async run<T>(
    res: express.Response,
    bucket: string,
    userRef: string,
    step: () => Promise<T>,
  ): Promise<T> {
    const { knex, table } = this.options;
    const limit = this.options.limits[bucket];
    if (!limit) throw new Error(`No rate limit for ${bucket}`);
    const now = (this.options.clock ?? Date.now)();
    const windowMs = limit.windowSeconds * 1000;
    const start = Math.floor(now / windowMs) * windowMs;
    const key = { bucket, user_ref: userRef, window_start: start };

    const existed = await knex(table).where(key).first();
    if (existed && Number(existed.count) >= limit.max) {
      return this.refuse(res, limit, start + windowMs - now);
    }
    if (!existed) {
      await knex(table)
        .insert({ ...key, count: 0 })
        .onConflict(['bucket', 'user_ref', 'window_start'])
        .ignore();
    }
    const taken = await knex(table)
      .where(key)
      .where('count', '<', limit.max)
      .increment('count', 1);
    if (!taken) {
      return this.refuse(res, limit, start + windowMs - now);
    }
    try {
      const result = await step();
      // Counters of earlier windows are no longer needed.
      await knex(table)
        .where({ bucket, user_ref: userRef })
        .where('window_start', '<', start)
        .delete();
      return result;
    } catch (error) {
      if ((error as Error)?.name === 'InputError') await this.giveBack(key);
      throw error;
    }
  }

  private async giveBack(key: Record<string, unknown>) {
    const { knex, table } = this.options;
    await knex(table).where(key).where('count', '>', 0).decrement('count', 1);
    await knex(table).where(key).where('count', 0).delete();
  }

  private refuse(
    res: express.Response,
    limit: RateLimit,
    remainingMs: number,
  ): never {
    const seconds = Math.max(1, Math.ceil(remainingMs / 1000));
    res.setHeader('Retry-After', String(seconds));
    throw new TooManyRequestsError(
      `Too many requests: at most ${limit.max} in ${Math.round(
        limit.windowSeconds / 60,
      )} minutes. Try again in ${Math.ceil(seconds / 60)} minutes.`,
    );
  }
}
