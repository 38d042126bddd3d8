import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import PersonIcon from '@material-ui/icons/Person';
import { personalDataApiRef } from './api/PersonalDataApi';
import { PersonalDataClient } from './api/PersonalDataClient';

/** @public */
export const rootRouteRef = createRouteRef();

const personalDataApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: personalDataApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new PersonalDataClient({ discoveryApi, fetchApi }),
    }),
});

const personalDataPage = PageBlueprint.make({
  params: {
    path: '/personal-data',
    routeRef: rootRouteRef,
    title: 'My data',
    noHeader: true,
    icon: <PersonIcon fontSize="inherit" />,
    loader: () =>
      import('./components/PersonalDataPage').then(m => <m.PersonalDataPage />),
  },
});

/**
 * "Mina uppgifter" (everyone's own data: readable, downloadable, erasable
 * on request) and the coordinators' personal data page, for the new
 * frontend system.
 *
 * @public
 */
export default createFrontendPlugin({
  pluginId: 'personal-data',
  title: 'My data',
  icon: <PersonIcon fontSize="inherit" />,
  routes: { root: rootRouteRef },
  extensions: [personalDataApi, personalDataPage],
});
