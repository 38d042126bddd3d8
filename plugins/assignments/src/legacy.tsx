import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { assignmentsApiRef } from './api/AssignmentsApi';
import { AssignmentsClient } from './api/AssignmentsClient';

const legacyRootRouteRef = createRouteRef({ id: 'assignments' });

/**
 * The assignment board for portals still on Backstage's legacy app:
 * `<Route path="/assignments" element={<AssignmentsPage />} />`.
 *
 * @public
 */
export const assignmentsPlugin = createPlugin({
  id: 'assignments',
  routes: { root: legacyRootRouteRef },
  apis: [
    createApiFactory({
      api: assignmentsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new AssignmentsClient({ discoveryApi, fetchApi }),
    }),
  ],
});

/** @public */
export const AssignmentsPage = assignmentsPlugin.provide(
  createRoutableExtension({
    name: 'AssignmentsPage',
    mountPoint: legacyRootRouteRef,
    component: () =>
      import('./components/AssignmentsPage').then(m => m.AssignmentsPage),
  }),
);

/** @public */
export const OpenAssignmentsCard = assignmentsPlugin.provide(
  createComponentExtension({
    name: 'OpenAssignmentsCard',
    component: {
      lazy: () =>
        import('./components/OpenAssignmentsWidget').then(
          m => m.OpenAssignmentsWidget,
        ),
    },
  }),
);
