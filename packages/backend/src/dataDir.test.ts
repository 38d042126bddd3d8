import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensurePortalDataDir } from './dataDir';

describe('ensurePortalDataDir', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-datadir-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('defaults to data/ at the repository root when run from packages/backend', () => {
    const cwd = path.join(tmp, 'packages', 'backend');
    fs.mkdirSync(cwd, { recursive: true });
    const env: NodeJS.ProcessEnv = {};
    expect(ensurePortalDataDir(env, cwd)).toBe(path.join(tmp, 'data'));
    expect(env.PORTAL_DATA_DIR).toBe(path.join(tmp, 'data'));
    expect(fs.statSync(path.join(tmp, 'data')).isDirectory()).toBe(true);
  });

  it('defaults to data/ under the working folder elsewhere (a built bundle)', () => {
    const env: NodeJS.ProcessEnv = {};
    expect(ensurePortalDataDir(env, tmp)).toBe(path.join(tmp, 'data'));
  });

  it('honours PORTAL_DATA_DIR, made absolute, and creates it', () => {
    const env: NodeJS.ProcessEnv = { PORTAL_DATA_DIR: 'var/portal' };
    expect(ensurePortalDataDir(env, tmp)).toBe(path.join(tmp, 'var/portal'));
    expect(env.PORTAL_DATA_DIR).toBe(path.join(tmp, 'var/portal'));
    expect(fs.existsSync(path.join(tmp, 'var/portal'))).toBe(true);
  });
});
