/*
 * The backend the benchmark starts: the portal's own features
 * (packages/backend/src/features.ts), the same list its entry point
 * installs, plus the Backstage community Bazaar backend for comparison,
 * which is installed in the bench workspace only, never in the portal, and
 * the framework floor (./floorPlugin.ts).
 *
 * One difference from packages/backend, at start only: the root logger
 * redacts secrets with the configuration schema the first start compiled
 * (kept in BENCH_CONFIG_SCHEMA), instead of compiling every package's
 * config.d.ts with TypeScript again at each start (some 10 s of CPU).
 */
import { createBackend } from '@backstage/backend-defaults';
import { createConfigSecretEnumerator } from '@backstage/backend-defaults/rootConfig';
import { WinstonLogger } from '@backstage/backend-defaults/rootLogger';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { loadConfigSchema } from '@backstage/config-loader';
import bazaarBackend from '@backstage-community/plugin-bazaar-backend';
import { portalFeatures } from 'backend/src/features';
import fs from 'node:fs';
import path from 'node:path';
import { format, transports } from 'winston';
import { benchFloorPlugin } from './floorPlugin';

/** The names of the workspace's packages, whose schemas Backstage collects. */
function workspacePackages(root: string): string[] {
  const dirs = ['packages', 'plugins'].flatMap(d =>
    fs.readdirSync(path.join(root, d)).map(p => path.join(root, d, p)),
  );
  return [...dirs, path.join(root, 'bench')]
    .map(dir => path.join(dir, 'package.json'))
    .filter(file => fs.existsSync(file))
    .map(file => JSON.parse(fs.readFileSync(file, 'utf8')).name as string);
}

async function configSchema() {
  const cache = process.env.BENCH_CONFIG_SCHEMA;
  if (cache && fs.existsSync(cache)) {
    return loadConfigSchema({
      serialized: JSON.parse(fs.readFileSync(cache, 'utf8')),
    });
  }
  const schema = await loadConfigSchema({
    dependencies: workspacePackages(path.resolve(process.cwd(), '../..')),
  });
  if (cache) fs.writeFileSync(cache, JSON.stringify(schema.serialize()));
  return schema;
}

const rootLogger = createServiceFactory({
  service: coreServices.rootLogger,
  deps: { config: coreServices.rootConfig },
  async factory({ config }) {
    // As backend-defaults' root logger with NODE_ENV=production.
    const logger = WinstonLogger.create({
      meta: { service: 'backstage' },
      level: process.env.LOG_LEVEL || 'info',
      format: format.json(),
      transports: [new transports.Console()],
    });
    const enumerate = await createConfigSecretEnumerator({
      logger,
      schema: await configSchema(),
    });
    logger.addRedactions(enumerate(config));
    return logger;
  },
});

const backend = createBackend();
backend.add(rootLogger);
for (const feature of portalFeatures) backend.add(feature);
backend.add(bazaarBackend);
backend.add(benchFloorPlugin);
backend.start();
