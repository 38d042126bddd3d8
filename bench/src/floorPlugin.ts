/*
 * The framework floor: a backend plugin of the benchmark only (never the
 * portal's) that does, per request, what every portal route does before
 * its store call, and nothing else: the user's token checked, the user's
 * info read, the route's permission decisions (through portal-node's
 * portalAccess, as the routes), then the same JSON the route answers, kept
 * from one real answer. Its throughput is the most a route can reach
 * through Backstage's HTTP path on this machine if its store and SQL cost
 * nothing.
 *
 * `GET /api/bench-floor/replay?path=<a portal route's path and query>`
 *
 * With `&sql=<route id>` it also sends that route's SQL, as the raw
 * server captured it from the store call, as bare Knex calls on the
 * plugin's database before answering (./bareKnex.ts): the route's
 * ceiling, measured in the backend's own process: what the route would
 * serve if its store cost nothing beyond its bare SQL, with the framework
 * and the SQL in one process, as the route has them. The report sets the
 * "÷ raw", "÷ Bazaar" and p95 targets against it.
 */
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { CALLER_PERMISSIONS } from '@internal/plugin-assignments-backend/src/service/router';
import { portalAccess } from '@internal/plugin-portal-node';
import Router from 'express-promise-router';
import { Knex } from 'knex';
import { Captured, openBareKnex, replay } from './bareKnex';

export const benchFloorPlugin = createBackendPlugin({
  pluginId: 'bench-floor',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        userInfo: coreServices.userInfo,
        discovery: coreServices.discovery,
      },
      async init({ httpRouter, httpAuth, permissions, userInfo, discovery }) {
        const access = portalAccess({ httpAuth, permissions });
        const answers = new Map<string, unknown>();
        const bareSql = bareSqlOfRoutes();
        const router = Router();
        router.get('/replay', async (req, res) => {
          const credentials = await access.user(req);
          await userInfo.getUserInfo(credentials);
          await access.allowedEach(credentials, CALLER_PERMISSIONS);
          const path = String(req.query.path ?? '');
          if (!path.startsWith('/api/')) {
            res.status(400).json({ error: 'path: must start with /api/' });
            return;
          }
          if (typeof req.query.sql === 'string') {
            await bareSql(req.query.sql);
          }
          let answer = answers.get(path);
          if (answer === undefined) {
            const base = (await discovery.getBaseUrl('bench-floor')).replace(
              /\/api\/bench-floor$/,
              '',
            );
            const real = await fetch(`${base}${path}`, {
              headers: { authorization: req.headers.authorization ?? '' },
            });
            if (!real.ok) {
              res.status(502).json({ error: `${path}: ${real.status}` });
              return;
            }
            answer = await real.json();
            answers.set(path, answer);
          }
          res.json(answer);
        });
        httpRouter.use(router);
      },
    });
  },
});

/**
 * Replays a route's captured SQL on bare Knex. The SQL and each route's
 * plugin come from the load phase's raw server (BENCH_RAW_URL), once;
 * each plugin's bare Knex opens on first use.
 */
function bareSqlOfRoutes() {
  let captured:
    | Promise<{
        sql: Record<string, Captured[]>;
        plugins: Record<string, string>;
      }>
    | undefined;
  const knexes = new Map<string, Knex>();
  return async (route: string) => {
    captured ??= fetch(`${process.env.BENCH_RAW_URL}/ready`)
      .then(r => {
        if (!r.ok) throw new Error(`raw server: ${r.status}`);
        return r.json();
      })
      .catch(error => {
        captured = undefined; // the next request asks again
        throw error;
      });
    const { sql, plugins } = await captured;
    const pluginId = plugins[route];
    if (!pluginId || !sql[route]) throw new Error(`no SQL for ${route}`);
    let knex = knexes.get(pluginId);
    if (!knex) {
      knex = openBareKnex(pluginId);
      knexes.set(pluginId, knex);
    }
    await replay(knex, sql[route]);
  };
}
