import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import PeopleIcon from '@material-ui/icons/People';
import { peerDirectoryApiRef } from './api/PeerDirectoryApi';
import { PeerDirectoryClient } from './api/PeerDirectoryClient';

/** @public */
export const rootRouteRef = createRouteRef();

const peerDirectoryApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: peerDirectoryApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new PeerDirectoryClient({ discoveryApi, fetchApi }),
    }),
});

const peerDirectoryPage = PageBlueprint.make({
  params: {
    path: '/peer-directory',
    routeRef: rootRouteRef,
    title: 'Peer directory',
    noHeader: true,
    icon: <PeopleIcon fontSize="inherit" />,
    loader: () =>
      import('./components/PeerDirectoryPage').then(m => (
        <m.PeerDirectoryPage />
      )),
  },
});

const coverageWidget = HomePageWidgetBlueprint.make({
  name: 'coverage',
  params: {
    name: 'PeerDirectoryCoverage',
    layout: { width: { defaultColumns: 6 } },
    components: async () => {
      const { CoverageWidget } = await import('./components/CoverageWidget');
      return { Content: CoverageWidget };
    },
  },
});

/**
 * The peer directory, for the new frontend system.
 *
 * @public
 */
export default createFrontendPlugin({
  pluginId: 'peer-directory',
  title: 'Peer directory',
  icon: <PeopleIcon fontSize="inherit" />,
  routes: { root: rootRouteRef },
  extensions: [peerDirectoryApi, peerDirectoryPage, coverageWidget],
});
