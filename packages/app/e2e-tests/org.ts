import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { isPortalRole } from '@internal/plugin-portal-common';

export type OrgUser = {
  name: string;
  displayName: string;
  roles: string[];
};

/** The demo users of catalog/org.yaml with their roles. */
export function orgUsers(): OrgUser[] {
  const file = path.resolve(__dirname, '../../../catalog/org.yaml');
  return parseAllDocuments(fs.readFileSync(file, 'utf8'))
    .map(doc => doc.toJSON())
    .filter(entity => entity?.kind === 'User')
    .map(entity => ({
      name: entity.metadata.name,
      displayName: entity.spec.profile.displayName,
      roles: (entity.spec.memberOf as string[]).filter(isPortalRole),
    }));
}
