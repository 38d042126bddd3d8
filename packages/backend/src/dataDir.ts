import fs from 'node:fs';
import path from 'node:path';

/**
 * Where the embedded SQLite files live: `PORTAL_DATA_DIR`, or `data/` at the
 * root of the repository. The configuration reads `${PORTAL_DATA_DIR}`, so
 * the default is set here, before the configuration is loaded.
 */
export function ensurePortalDataDir(
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): string {
  if (!env.PORTAL_DATA_DIR) {
    const inBackendPackage =
      path.basename(cwd) === 'backend' &&
      path.basename(path.dirname(cwd)) === 'packages';
    env.PORTAL_DATA_DIR = inBackendPackage
      ? path.resolve(cwd, '../../data')
      : path.resolve(cwd, 'data');
  }
  const dir = path.resolve(cwd, env.PORTAL_DATA_DIR);
  env.PORTAL_DATA_DIR = dir;
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}
