/*
 * Frontend figures on the production build (packages/app/dist, made by
 * `yarn build:app`): the size of each plugin's chunks (the chunk belongs to
 * the plugin whose own sources are most of it, read from the source maps),
 * and the time until the peer directory page, served by the backend on the
 * generated profiles, shows its first results in Chromium (cold: a new
 * browser context for each load).
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { Options, ROOT } from './config';
import { USERS } from './routes';
import type { ServerProcess } from './server';

export type Bundle = {
  name: string;
  files: string[];
  bytes: number;
  gzipBytes: number;
};

export type FrontendResult = {
  bundles: Bundle[];
  directory?: { profiles: number; loadsMs: number[]; medianMs: number };
  /** Why the page was not measured (no browser here). */
  skipped?: string;
  error?: string;
};

const DIST = path.join(ROOT, 'packages/app/dist/static');
const PLUGINS = [
  'peer-directory',
  'assignments',
  'network-meetings',
  'evaluation',
];

export function bundleSizes(): Bundle[] {
  const bundles = new Map<string, Bundle>();
  const add = (name: string, file: string) => {
    const content = fs.readFileSync(path.join(DIST, file));
    const b = bundles.get(name) ?? { name, files: [], bytes: 0, gzipBytes: 0 };
    b.files.push(file);
    b.bytes += content.length;
    b.gzipBytes += zlib.gzipSync(content).length;
    bundles.set(name, b);
  };
  for (const file of fs.readdirSync(DIST).filter(f => f.endsWith('.js'))) {
    if (file.startsWith('main.')) {
      add('app entry (main.js)', file);
      continue;
    }
    let owner = 'shared and vendor chunks';
    const mapFile = path.join(DIST, `${file}.map`);
    if (fs.existsSync(mapFile)) {
      const map = JSON.parse(fs.readFileSync(mapFile, 'utf8')) as {
        sources: string[];
        sourcesContent?: string[];
      };
      const own = new Map<string, number>();
      map.sources.forEach((source, i) => {
        if (source.includes('node_modules')) return;
        const plugin = PLUGINS.find(p => source.includes(`plugins/${p}/`));
        if (plugin) {
          own.set(
            plugin,
            (own.get(plugin) ?? 0) + (map.sourcesContent?.[i]?.length ?? 1),
          );
        }
      });
      const top = [...own].sort((a, b) => b[1] - a[1])[0];
      if (top) owner = `plugin ${top[0]}`;
    }
    add(owner, file);
  }
  const order = (b: Bundle) =>
    ['plugin', 'app', 'shared'].findIndex(prefix => b.name.startsWith(prefix));
  return [...bundles.values()].sort(
    (a, b) => order(a) - order(b) || a.name.localeCompare(b.name),
  );
}

export async function frontendPhase(
  options: Options,
  { backend }: { backend: ServerProcess },
): Promise<FrontendResult> {
  if (!fs.existsSync(path.join(ROOT, 'packages/app/dist/index.html'))) {
    return {
      bundles: [],
      error: 'packages/app/dist is missing: run `yarn build:app` first',
    };
  }
  const result: FrontendResult = { bundles: bundleSizes() };
  if (!fs.existsSync(options.chromium)) {
    result.skipped = `no Chromium at ${options.chromium} (set CHROMIUM_PATH)`;
    return result;
  }
  const browser = await chromium.launch({
    executablePath: options.chromium,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-gpu',
    ],
  });
  try {
    const loadsMs: number[] = [];
    const loads = options.scale.name === 'smoke' ? 2 : 6;
    for (let i = 0; i < loads; i++) {
      const context = await browser.newContext({
        locale: 'sv-SE',
        timezoneId: 'Europe/Stockholm',
      });
      await context.addInitScript(user => {
        window.localStorage.setItem('peer-portal:demo-user', user);
        window.localStorage.setItem('language', 'sv');
      }, USERS.staff);
      const page = await context.newPage();
      const t0 = performance.now();
      await page.goto(`${backend.url}/peer-directory`);
      await page
        .locator('li a[href*="/peer-directory/profile/"]')
        .first()
        .waitFor({ state: 'visible', timeout: 60_000 });
      loadsMs.push(performance.now() - t0);
      await context.close();
    }
    // The first load warms the server's caches: it is reported, not counted.
    const counted = loadsMs.slice(1).sort((a, b) => a - b);
    result.directory = {
      profiles: options.scale.profiles,
      loadsMs,
      medianMs: counted[Math.floor((counted.length - 1) / 2)],
    };
  } catch (error) {
    result.error = String(error);
  } finally {
    await browser.close();
  }
  return result;
}
