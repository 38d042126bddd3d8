import { Config } from '@backstage/config';
import {
  DEFAULT_RATE_TABLE,
  RateTable,
  kronorToOre,
} from '@internal/plugin-assignments-common';

/**
 * Reads the honorarium rate table from `assignments.honorarium`, or the
 * default one. Amounts are kronor in config and whole öre inside.
 */
export function readRateTable(config: Config): RateTable {
  const section = config.getOptionalConfig('assignments.honorarium');
  if (!section) {
    return DEFAULT_RATE_TABLE;
  }
  const bands = section.getConfigArray('bands').map(band => ({
    code: band.getString('code'),
    upToMinutes: Math.round(band.getNumber('upToHours') * 60),
    feeOre: kronorToOre(band.getNumber('kronor')),
  }));
  for (let i = 1; i < bands.length; i++) {
    if (bands[i].upToMinutes <= bands[i - 1].upToMinutes) {
      throw new Error(
        'assignments.honorarium.bands must be in order of increasing upToHours',
      );
    }
  }
  if (!bands.length) {
    throw new Error('assignments.honorarium.bands must not be empty');
  }
  return {
    bands,
    extraPerStartedHourOre: kronorToOre(
      section.getOptionalNumber('extraPerStartedHourKronor') ?? 0,
    ),
    travelOre: kronorToOre(section.getOptionalNumber('travelKronor') ?? 0),
  };
}
