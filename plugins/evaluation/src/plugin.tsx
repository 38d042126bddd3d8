import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import AssessmentIcon from '@material-ui/icons/Assessment';
import { evaluationApiRef } from './api/EvaluationApi';
import { EvaluationClient } from './api/EvaluationClient';

/** @public */
export const rootRouteRef = createRouteRef();

const evaluationApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: evaluationApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new EvaluationClient({ discoveryApi, fetchApi }),
    }),
});

const evaluationPage = PageBlueprint.make({
  params: {
    path: '/evaluation',
    routeRef: rootRouteRef,
    title: 'Evaluation',
    noHeader: true,
    icon: <AssessmentIcon fontSize="inherit" />,
    loader: () =>
      import('./components/EvaluationPage').then(m => <m.EvaluationPage />),
  },
});

const keyFiguresWidget = HomePageWidgetBlueprint.make({
  name: 'key-figures',
  params: {
    name: 'EvaluationKeyFigures',
    layout: { width: { defaultColumns: 6 } },
    components: async () => {
      const { EvaluationWidget } = await import(
        './components/EvaluationWidget'
      );
      return { Content: EvaluationWidget };
    },
  },
});

/**
 * The evaluation dashboards, for the new frontend system.
 *
 * @public
 */
export default createFrontendPlugin({
  pluginId: 'evaluation',
  title: 'Evaluation',
  icon: <AssessmentIcon fontSize="inherit" />,
  routes: { root: rootRouteRef },
  extensions: [evaluationApi, evaluationPage, keyFiguresWidget],
});
