import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { DatabaseEvaluationStore } from './database/DatabaseEvaluationStore';
import { seedDemoEvaluation } from './demo/seed';
import { FactIngestor } from './ingest/FactIngestor';
import { createPersonalDataRouter } from '@internal/plugin-personal-data-node';
import { EvaluationPersonalData } from './personalData';
import { createRouter } from './service/router';
import { CatalogUnits } from './service/units';

/**
 * The evaluation dashboards: activity from the assignment board and the
 * meeting calendar (their events and /facts APIs, never their tables),
 * support sessions and outcome indicators, as figures nobody can be picked
 * out of.
 *
 * @public
 */
export const evaluationPlugin = createBackendPlugin({
  pluginId: 'evaluation',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        userInfo: coreServices.userInfo,
        permissions: coreServices.permissions,
        auditor: coreServices.auditor,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
        events: eventsServiceRef,
      },
      async init(deps) {
        const store = await DatabaseEvaluationStore.create({
          database: deps.database,
        });
        const units = new CatalogUnits(async () => {
          const { items } = await deps.catalog.getEntities(
            {
              filter: { kind: 'Group', 'spec.type': ['unit', 'region'] },
              fields: [
                'metadata.name',
                'metadata.title',
                'spec.type',
                'spec.parent',
              ],
            },
            { credentials: await deps.auth.getOwnServiceCredentials() },
          );
          return items.map(e => ({
            name: e.metadata.name,
            type: e.spec?.type === 'unit' ? 'unit' : 'region',
            parent: e.spec?.parent ? String(e.spec.parent) : undefined,
            title: e.metadata.title,
          }));
        });
        if (deps.config.getOptionalBoolean('evaluation.demoData')) {
          const created = await seedDemoEvaluation(store);
          deps.logger.info(
            `Demo evaluation data in place (${created} sessions created)`,
          );
        }

        const ingestor = new FactIngestor({
          store,
          logger: deps.logger,
          fetchFacts: async (source, after, limit) => {
            const base = await deps.discovery.getBaseUrl(source);
            const { token } = await deps.auth.getPluginRequestToken({
              onBehalfOf: await deps.auth.getOwnServiceCredentials(),
              targetPluginId: source,
            });
            // Both sources read `after=0` as from the start.
            const params = new URLSearchParams({ after, limit: String(limit) });
            const res = await fetch(`${base}/facts?${params}`, {
              headers: { Authorization: `Bearer ${token}` },
            });
            if (!res.ok) {
              throw await ResponseError.fromResponse(res as any);
            }
            return res.json();
          },
        });
        await deps.events.subscribe({
          id: 'evaluation-activity',
          topics: FactIngestor.topics,
          onEvent: async ({ topic, eventPayload }) => {
            await ingestor.onEvent(topic, eventPayload);
          },
        });
        await deps.scheduler.scheduleTask({
          id: 'evaluation-pull-facts',
          frequency: {
            minutes:
              deps.config.getOptionalNumber('evaluation.pullIntervalMinutes') ??
              1,
          },
          timeout: { minutes: 10 },
          initialDelay: { seconds: 15 },
          scope: 'global',
          fn: async () => {
            const pulled = await ingestor.pullAll();
            if (pulled.assignments || pulled['network-meetings']) {
              deps.logger.info(
                `Ingested ${pulled.assignments} assignment and ${pulled['network-meetings']} meeting facts`,
              );
            }
          },
        });

        deps.httpRouter.use(await createRouter({ ...deps, store, units }));
        // A person's rows, exported or erased for the personal-data service.
        deps.httpRouter.use(
          createPersonalDataRouter({
            provider: await EvaluationPersonalData.create(deps),
            httpAuth: deps.httpAuth,
            auditor: deps.auditor,
          }),
        );
      },
    });
  },
});
