import { JsonObject } from '@backstage/types';
import {
  ErasureReport,
  RetentionPolicy,
  RetentionReport,
} from '@internal/plugin-personal-data-common';

export type { ErasureReport, RetentionPolicy, RetentionReport };

/** How an erasure is to be done. @public */
export type ErasureOptions = {
  /**
   * The reference (`user:erased/<random>`) that replaces the person in
   * records that must stay countable, such as the evaluation's facts. The
   * personal-data service gives every plugin the same one during one
   * erasure; without it, a plugin makes its own.
   */
  pseudonym?: string;
};

/**
 * What every plugin that holds personal data implements for its own
 * tables. Every call must be safe to repeat: an erasure interrupted
 * half-way and run again finishes the job and reports what is left to do
 * (nothing).
 *
 * @public
 */
export interface PersonalDataProvider {
  /**
   * Everything the plugin holds about the person, or undefined if nothing.
   * Consents go under the key `consents` as `ExportedConsent[]`.
   */
  exportPersonalData(userRef: string): Promise<JsonObject | undefined>;
  /** Erases or anonymises the person's data. */
  erasePersonalData(
    userRef: string,
    options?: ErasureOptions,
  ): Promise<ErasureReport>;
  /**
   * Removes what the retention policy no longer allows the plugin to keep,
   * measured from `now`. Optional: a plugin whose data has no retention
   * rule of its own leaves it out.
   */
  applyRetention?(policy: RetentionPolicy, now: Date): Promise<RetentionReport>;
}
