import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { peerDirectoryApiRef } from './api/PeerDirectoryApi';
import { PeerDirectoryClient } from './api/PeerDirectoryClient';

const legacyRootRouteRef = createRouteRef({ id: 'peer-directory' });

/**
 * The peer directory for portals still on Backstage's legacy app:
 * `<Route path="/peer-directory" element={<PeerDirectoryPage />} />`.
 *
 * @public
 */
export const peerDirectoryPlugin = createPlugin({
  id: 'peer-directory',
  routes: { root: legacyRootRouteRef },
  apis: [
    createApiFactory({
      api: peerDirectoryApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new PeerDirectoryClient({ discoveryApi, fetchApi }),
    }),
  ],
});

/** @public */
export const PeerDirectoryPage = peerDirectoryPlugin.provide(
  createRoutableExtension({
    name: 'PeerDirectoryPage',
    mountPoint: legacyRootRouteRef,
    component: () =>
      import('./components/PeerDirectoryPage').then(m => m.PeerDirectoryPage),
  }),
);

/** @public */
export const PeerDirectoryCoverageCard = peerDirectoryPlugin.provide(
  createComponentExtension({
    name: 'PeerDirectoryCoverageCard',
    component: {
      lazy: () =>
        import('./components/CoverageWidget').then(m => m.CoverageWidget),
    },
  }),
);
