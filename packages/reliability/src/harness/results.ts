import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './workspace';

/** Where the suite leaves the figures of its last run (docs/reliability.md quotes them). */
export const RESULTS_DIR = path.join(
  REPO_ROOT,
  'node_modules/.cache/reliability',
);

export function writeResult(name: string, value: unknown) {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.writeFileSync(
    path.join(RESULTS_DIR, `${name}.json`),
    `${JSON.stringify(
      { at: new Date().toISOString(), ...(value as object) },
      null,
      2,
    )}\n`,
  );
}

/** Whether this is the longer run (`./portal test --long`). */
export const LONG = process.env.RELIABILITY_LONG === '1';

/** A number from the environment, or the default. */
export function envNumber(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}
