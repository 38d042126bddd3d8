import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  PortalRole,
  rolesFromOwnershipRefs,
} from '@internal/plugin-portal-common';

/** A demo user as the sign-in page lists it. */
export type DemoUser = {
  username: string;
  displayName: string;
  title?: string;
  roles: PortalRole[];
};

/** The role groups a user entity is a direct member of. */
export function rolesOfUserEntity(entity: Entity): PortalRole[] {
  const memberOf = (entity.relations ?? [])
    .filter(r => r.type === 'memberOf')
    .map(r => r.targetRef);
  const declared = ((entity.spec?.memberOf as string[] | undefined) ?? []).map(
    ref =>
      stringifyEntityRef(
        parseEntityRef(ref, {
          defaultKind: 'group',
          defaultNamespace: 'default',
        }),
      ),
  );
  return rolesFromOwnershipRefs([...memberOf, ...declared]);
}

/** Turns catalog user entities into the sign-in page's list, sorted by name. */
export function toDemoUsers(entities: Entity[]): DemoUser[] {
  return entities
    .map(entity => {
      const profile = (entity.spec?.profile ?? {}) as {
        displayName?: string;
      };
      return {
        username: entity.metadata.name,
        displayName: profile.displayName ?? entity.metadata.name,
        title: entity.metadata.title ?? entity.metadata.description,
        roles: rolesOfUserEntity(entity),
      };
    })
    .filter(user => user.roles.length > 0)
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'sv'));
}
