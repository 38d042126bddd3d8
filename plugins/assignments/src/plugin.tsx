import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import AssignmentIcon from '@material-ui/icons/Assignment';
import { assignmentsApiRef } from './api/AssignmentsApi';
import { AssignmentsClient } from './api/AssignmentsClient';

/** @public */
export const rootRouteRef = createRouteRef();

const assignmentsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: assignmentsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new AssignmentsClient({ discoveryApi, fetchApi }),
    }),
});

const assignmentsPage = PageBlueprint.make({
  params: {
    path: '/assignments',
    routeRef: rootRouteRef,
    title: 'Assignments',
    noHeader: true,
    icon: <AssignmentIcon fontSize="inherit" />,
    loader: () =>
      import('./components/AssignmentsPage').then(m => <m.AssignmentsPage />),
  },
});

const openAssignmentsWidget = HomePageWidgetBlueprint.make({
  name: 'open-assignments',
  params: {
    name: 'OpenAssignments',
    layout: { width: { defaultColumns: 6 } },
    components: async () => {
      const { OpenAssignmentsWidget } = await import(
        './components/OpenAssignmentsWidget'
      );
      return { Content: OpenAssignmentsWidget };
    },
  },
});

/**
 * The assignment board, for the new frontend system.
 *
 * @public
 */
export default createFrontendPlugin({
  pluginId: 'assignments',
  title: 'Assignments',
  icon: <AssignmentIcon fontSize="inherit" />,
  routes: { root: rootRouteRef },
  extensions: [assignmentsApi, assignmentsPage, openAssignmentsWidget],
});
