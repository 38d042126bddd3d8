/**
 * Honoraria in whole öre (1 krona = 100 öre), never floating point: amounts
 * are integers from the config's rate table to the payroll file.
 */

/** One scope band of the rate table: a fee for work up to some hours. @public */
export type RateBand = {
  /** A stable code, e.g. `upTo2h`, `halfDay`, `fullDay`. */
  code: string;
  /** Work up to and including this many minutes falls in the band. */
  upToMinutes: number;
  feeOre: number;
};

/** The honorarium rate table (config `assignments.honorarium`). @public */
export type RateTable = {
  /** Bands by increasing `upToMinutes`. */
  bands: RateBand[];
  /** Beyond the last band: this much per started hour. */
  extraPerStartedHourOre: number;
  /** Travel allowance per assignment, when the peer travelled to a place. */
  travelOre: number;
};

/** The honorarium of one peer for one assignment. @public */
export type HonorariumAmount = {
  band: string;
  feeOre: number;
  travelOre: number;
  totalOre: number;
};

/**
 * Parses a krona amount (`600`, `612.5`, `"612,50"`) into whole öre without
 * floating-point arithmetic. Throws on anything else.
 * @public
 */
export function kronorToOre(amount: number | string): number {
  const text = String(amount).trim().replace(',', '.');
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) {
    throw new Error(`Not an amount in kronor: ${JSON.stringify(amount)}`);
  }
  const [, kronor, ore = ''] = match;
  return Number(kronor) * 100 + Number(ore.padEnd(2, '0'));
}

/**
 * The honorarium for `actualMinutes` of work: the fee of the first band the
 * minutes fit in, or the last band plus a fee per started hour beyond it;
 * plus the travel allowance when the peer travelled.
 * @public
 */
export function computeHonorarium(
  table: RateTable,
  actualMinutes: number,
  travel: boolean,
): HonorariumAmount {
  if (!Number.isInteger(actualMinutes) || actualMinutes <= 0) {
    throw new Error(`Minutes must be a positive integer: ${actualMinutes}`);
  }
  if (!table.bands.length) {
    throw new Error('The rate table has no bands');
  }
  const band = table.bands.find(b => actualMinutes <= b.upToMinutes);
  let feeOre: number;
  let code: string;
  if (band) {
    feeOre = band.feeOre;
    code = band.code;
  } else {
    const last = table.bands[table.bands.length - 1];
    const startedHours = Math.ceil((actualMinutes - last.upToMinutes) / 60);
    feeOre = last.feeOre + startedHours * table.extraPerStartedHourOre;
    code = `${last.code}+${startedHours}h`;
  }
  const travelOre = travel ? table.travelOre : 0;
  return { band: code, feeOre, travelOre, totalOre: feeOre + travelOre };
}

/**
 * Öre as kronor with two decimals and a decimal comma, as Swedish payroll
 * systems and Excel expect: 123450 → "1234,50". No thousands separator.
 * @public
 */
export function oreToDecimalKronor(ore: number): string {
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  const kronor = Math.floor(abs / 100);
  const rest = String(abs % 100).padStart(2, '0');
  return `${sign}${kronor},${rest}`;
}

/** The demo and default rate table (kronor per scope band). @public */
export const DEFAULT_RATE_TABLE: RateTable = {
  bands: [
    { code: 'upTo2h', upToMinutes: 120, feeOre: 60000 },
    { code: 'halfDay', upToMinutes: 240, feeOre: 100000 },
    { code: 'fullDay', upToMinutes: 480, feeOre: 180000 },
  ],
  extraPerStartedHourOre: 25000,
  travelOre: 20000,
};
