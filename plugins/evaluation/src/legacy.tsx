import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { evaluationApiRef } from './api/EvaluationApi';
import { EvaluationClient } from './api/EvaluationClient';

const legacyRootRouteRef = createRouteRef({ id: 'evaluation' });

/**
 * The evaluation for portals still on Backstage's legacy app:
 * `<Route path="/evaluation" element={<EvaluationPage />} />`.
 *
 * @public
 */
export const evaluationPlugin = createPlugin({
  id: 'evaluation',
  routes: { root: legacyRootRouteRef },
  apis: [
    createApiFactory({
      api: evaluationApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new EvaluationClient({ discoveryApi, fetchApi }),
    }),
  ],
});

/** @public */
export const EvaluationPage = evaluationPlugin.provide(
  createRoutableExtension({
    name: 'EvaluationPage',
    mountPoint: legacyRootRouteRef,
    component: () =>
      import('./components/EvaluationPage').then(m => m.EvaluationPage),
  }),
);

/** @public */
export const EvaluationKeyFiguresCard = evaluationPlugin.provide(
  createComponentExtension({
    name: 'EvaluationKeyFiguresCard',
    component: {
      lazy: () =>
        import('./components/EvaluationWidget').then(m => m.EvaluationWidget),
    },
  }),
);
