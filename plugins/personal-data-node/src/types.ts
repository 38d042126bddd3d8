import { JsonObject } from '@backstage/types';

/** What one plugin did when asked to erase a person. @public */
export type ErasureReport = {
  /** Records removed. */
  erased: number;
  /** Records kept with the person's identity removed. */
  anonymised: number;
  /** Records kept as they are, with the reason (e.g. bookkeeping of paid honoraria). */
  kept: Array<{ what: string; reason: string }>;
};

/**
 * What every plugin that holds personal data implements for its own
 * tables. Both calls must be safe to repeat: an erasure interrupted half-way
 * and run again finishes the job and reports what is left to do (nothing).
 *
 * @public
 */
export interface PersonalDataProvider {
  /** Everything the plugin holds about the person, or undefined if nothing. */
  exportPersonalData(userRef: string): Promise<JsonObject | undefined>;
  /** Erases or anonymises the person's data. */
  erasePersonalData(userRef: string): Promise<ErasureReport>;
}
