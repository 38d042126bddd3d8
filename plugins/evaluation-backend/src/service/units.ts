/** A unit or region group of the catalog. */
export type GroupEntry = {
  name: string;
  type: 'unit' | 'region';
  /** A unit's region. */
  parent?: string;
  title?: string;
};

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
  /** The title of a unit or region, or its name when it has none. */
  titleOf(name: string): Promise<string>;
}

/**
 * The catalog's units, read at most once a minute (every request asks who
 * the caller's units are), and read again at once when a name is not found,
 * so that a unit added to the catalog counts straight away.
 */
export class CatalogUnits implements Units {
  private cache?: {
    at: number;
    units: Map<string, string>;
    titles: Map<string, string>;
  };

  constructor(
    private readonly load: () => Promise<GroupEntry[]>,
    private readonly options: { ttlMs?: number; now?: () => number } = {},
  ) {}

  private now() {
    return this.options.now?.() ?? Date.now();
  }

  private async groups(fresh = false) {
    const ttl = this.options.ttlMs ?? 60_000;
    if (fresh || !this.cache || this.now() - this.cache.at > ttl) {
      const entries = await this.load();
      this.cache = {
        at: this.now(),
        units: new Map(
          entries.flatMap(e =>
            e.type === 'unit' && e.parent ? [[e.name, e.parent]] : [],
          ),
        ),
        titles: new Map(entries.map(e => [e.name, e.title ?? e.name])),
      };
    }
    return this.cache;
  }

  private async units(fresh = false): Promise<Map<string, string>> {
    return (await this.groups(fresh)).units;
  }

  async titleOf(name: string): Promise<string> {
    return (await this.groups()).titles.get(name) ?? name;
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
