import { useEffect, useState } from 'react';
import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';

/**
 * Titles of the organisation's regions and units (catalog groups), so that
 * `skane-malmo-avd-3` reads "Vuxenpsykiatri Malmö, avdelning 3". Names
 * without a title show as they are.
 */
export function useGroupTitles(): {
  title: (name: string) => string;
  regions: Array<{ name: string; title: string }>;
  unitsOf: (region: string) => Array<{ name: string; title: string }>;
} {
  const catalogApi = useApi(catalogApiRef);
  const [groups, setGroups] = useState<
    Array<{ name: string; title: string; type: string; parent?: string }>
  >([]);
  useEffect(() => {
    let cancelled = false;
    catalogApi
      .getEntities({
        filter: { kind: 'Group', 'spec.type': ['region', 'unit'] },
        fields: ['metadata.name', 'metadata.title', 'spec.type', 'spec.parent'],
      })
      .then(({ items }) => {
        if (!cancelled) {
          setGroups(
            items.map(e => ({
              name: e.metadata.name,
              title: e.metadata.title ?? e.metadata.name,
              type: String(e.spec?.type),
              parent: e.spec?.parent as string | undefined,
            })),
          );
        }
      })
      .catch(() => {
        // Titles are a nicety: without them, names are shown as they are.
      });
    return () => {
      cancelled = true;
    };
  }, [catalogApi]);
  const byName = new Map(groups.map(g => [g.name, g.title]));
  const sorted = (list: typeof groups) =>
    list
      .map(g => ({ name: g.name, title: g.title }))
      .sort((a, b) => a.title.localeCompare(b.title, 'sv'));
  return {
    title: name => byName.get(name) ?? name,
    regions: sorted(groups.filter(g => g.type === 'region')),
    unitsOf: region =>
      sorted(groups.filter(g => g.type === 'unit' && g.parent === region)),
  };
}
