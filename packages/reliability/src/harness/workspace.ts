import fs from 'node:fs';
import path from 'node:path';

// The suite runs from the repository (never from a build), so the folder
// of this file tells where the repository is.
// eslint-disable-next-line no-restricted-syntax
export const REPO_ROOT = path.resolve(__dirname, '../../../..');

export type InternalPlugin = {
  pluginId: string;
  packageName: string;
  dir: string;
  /** The migrations folder, when the plugin has tables. */
  migrations?: string;
};

/**
 * The portal's own backend plugins: every workspace package under plugins/
 * whose role is backend-plugin. A new plugin is part of the suite as soon
 * as it exists.
 */
export function internalBackendPlugins(): InternalPlugin[] {
  const root = path.join(REPO_ROOT, 'plugins');
  return fs
    .readdirSync(root)
    .map(name => path.join(root, name))
    .filter(dir => fs.existsSync(path.join(dir, 'package.json')))
    .map(dir => ({
      dir,
      pkg: JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')),
    }))
    .filter(({ pkg }) => pkg.backstage?.role === 'backend-plugin')
    .map(({ dir, pkg }) => {
      const migrations = path.join(dir, 'migrations');
      return {
        pluginId: pkg.backstage.pluginId as string,
        packageName: pkg.name as string,
        dir,
        migrations: fs.existsSync(migrations) ? migrations : undefined,
      };
    })
    .sort((a, b) => a.pluginId.localeCompare(b.pluginId));
}
