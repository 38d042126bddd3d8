import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { isPortalRole } from '@internal/plugin-portal-common';

export type OrgUser = {
  name: string;
  displayName: string;
  roles: string[];
};

function orgEntities(): any[] {
  const file = path.resolve(__dirname, '../../../catalog/org.yaml');
  return parseAllDocuments(fs.readFileSync(file, 'utf8')).map(doc =>
    doc.toJSON(),
  );
}

/** How many groups (roles, regions, units) catalog/org.yaml holds. */
export function orgGroupCount(): number {
  return orgEntities().filter(entity => entity?.kind === 'Group').length;
}

/** The demo users of catalog/org.yaml with their roles. */
export function orgUsers(): OrgUser[] {
  return orgEntities()
    .filter(entity => entity?.kind === 'User')
    .map(entity => ({
      name: entity.metadata.name,
      displayName: entity.spec.profile.displayName,
      roles: (entity.spec.memberOf as string[]).filter(isPortalRole),
    }));
}
