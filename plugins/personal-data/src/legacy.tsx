import {
  createApiFactory,
  createPlugin,
  createRoutableExtension,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { personalDataApiRef } from './api/PersonalDataApi';
import { PersonalDataClient } from './api/PersonalDataClient';

const legacyRootRouteRef = createRouteRef({ id: 'personal-data' });

/**
 * The personal data pages for portals still on Backstage's legacy app:
 * `<Route path="/personal-data" element={<PersonalDataPage />} />`.
 *
 * @public
 */
export const personalDataPlugin = createPlugin({
  id: 'personal-data',
  routes: { root: legacyRootRouteRef },
  apis: [
    createApiFactory({
      api: personalDataApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new PersonalDataClient({ discoveryApi, fetchApi }),
    }),
  ],
});

/** @public */
export const PersonalDataPage = personalDataPlugin.provide(
  createRoutableExtension({
    name: 'PersonalDataPage',
    mountPoint: legacyRootRouteRef,
    component: () =>
      import('./components/PersonalDataPage').then(m => m.PersonalDataPage),
  }),
);
