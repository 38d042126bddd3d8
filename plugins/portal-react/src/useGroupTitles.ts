import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { useEffect, useState } from 'react';

type Group = { name: string; title: string; type: string; parent?: string };
type Option = { name: string; title: string };

/**
 * The organisation's regions and units (catalog groups), so that names such
 * as `vgr-sahlgrenska-avd-367` read as their titles. Names without a title
 * show as they are.
 * @public
 */
export function useGroupTitles(): {
  title: (name: string) => string;
  regions: Option[];
  /** Units of one region, or every unit. */
  units: (region?: string) => Option[];
  /** Units of one region. */
  unitsOf: (region: string) => Option[];
} {
  const catalogApi = useApi(catalogApiRef);
  const [groups, setGroups] = useState<Group[]>([]);
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
  const sorted = (list: Group[]) =>
    list
      .map(g => ({ name: g.name, title: g.title }))
      .sort((a, b) => a.title.localeCompare(b.title, 'sv'));
  return {
    title: name => byName.get(name) ?? name,
    regions: sorted(groups.filter(g => g.type === 'region')),
    units: region =>
      sorted(
        groups.filter(
          g => g.type === 'unit' && (!region || g.parent === region),
        ),
      ),
    unitsOf: region =>
      sorted(groups.filter(g => g.type === 'unit' && g.parent === region)),
  };
}
