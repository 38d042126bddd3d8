/**
 * The demo organisation of catalog/org.yaml, for the plugins' demo seeds and
 * benchmark generators.
 */

/** Regions and their units, as in catalog/org.yaml. @public */
export const DEMO_REGIONS: Record<string, string[]> = {
  'vastra-gotaland': [
    'vgr-sahlgrenska-avd-367',
    'vgr-psykosmottagning-gbg',
    'gbg-boendestod-centrum',
  ],
  skane: ['skane-malmo-avd-3', 'skane-lund-oppenvard'],
  jonkoping: [
    'rjl-ryhov-avd-1',
    'rjl-varnamo-oppenvard',
    'rjl-recovery-college',
  ],
  stockholm: ['sll-psykiatri-sodra-avd-14', 'sll-norra-oppenvard'],
  vasterbotten: ['vll-umea-avd-5', 'vll-skelleftea-oppenvard'],
};

/**
 * A small, fast pseudo-random generator (a linear congruential one): the
 * same seed gives the same demo data on every run.
 * @public
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
