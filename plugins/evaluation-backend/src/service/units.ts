/** A unit of the catalog and the region it belongs to. */
export type UnitEntry = { unit: string; region: string };

/** What the router needs to know about units. */
export interface Units {
  /** The region a unit belongs to, or undefined if it is not a unit. */
  regionOf(unit: string): Promise<string | undefined>;
  /**
   * The units a person's groups stand for: a unit group is itself, a
   * region group stands for every unit of the region; other groups (roles)
   * for none.
   */
  unitsOf(groupNames: string[]): Promise<string[]>;
}

/**
 * The catalog's units, read at most once a minute (every request asks who
 * the caller's units are), and read again at once when a name is not found,
 * so that a unit added to the catalog counts straight away.
 */
export class CatalogUnits implements Units {
  private cache?: { at: number; units: Map<string, string> };

  constructor(
    private readonly load: () => Promise<UnitEntry[]>,
    private readonly options: { ttlMs?: number; now?: () => number } = {},
  ) {}

  private now() {
    return this.options.now?.() ?? Date.now();
  }

  private async units(fresh = false): Promise<Map<string, string>> {
    const ttl = this.options.ttlMs ?? 60_000;
    if (fresh || !this.cache || this.now() - this.cache.at > ttl) {
      const entries = await this.load();
      this.cache = {
        at: this.now(),
        units: new Map(entries.map(e => [e.unit, e.region])),
      };
    }
    return this.cache.units;
  }

  async regionOf(unit: string): Promise<string | undefined> {
    let units = await this.units();
    if (!units.has(unit)) units = await this.units(true);
    return units.get(unit);
  }

  async unitsOf(groupNames: string[]): Promise<string[]> {
    if (!groupNames.length) return [];
    const units = await this.units();
    const result = new Set<string>();
    for (const name of groupNames) {
      if (units.has(name)) result.add(name);
      for (const [unit, region] of units) {
        if (region === name) result.add(unit);
      }
    }
    return [...result].sort();
  }
}
