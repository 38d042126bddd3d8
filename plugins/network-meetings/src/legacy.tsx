import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { networkMeetingsApiRef } from './api/NetworkMeetingsApi';
import { NetworkMeetingsClient } from './api/NetworkMeetingsClient';

const legacyRootRouteRef = createRouteRef({ id: 'network-meetings' });

/**
 * The network meeting calendar for portals still on Backstage's legacy app:
 * `<Route path="/network-meetings" element={<NetworkMeetingsPage />} />`.
 *
 * @public
 */
export const networkMeetingsPlugin = createPlugin({
  id: 'network-meetings',
  routes: { root: legacyRootRouteRef },
  apis: [
    createApiFactory({
      api: networkMeetingsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new NetworkMeetingsClient({ discoveryApi, fetchApi }),
    }),
  ],
});

/** @public */
export const NetworkMeetingsPage = networkMeetingsPlugin.provide(
  createRoutableExtension({
    name: 'NetworkMeetingsPage',
    mountPoint: legacyRootRouteRef,
    component: () =>
      import('./components/NetworkMeetingsPage').then(
        m => m.NetworkMeetingsPage,
      ),
  }),
);

/** @public */
export const NextNetworkMeetingsCard = networkMeetingsPlugin.provide(
  createComponentExtension({
    name: 'NextNetworkMeetingsCard',
    component: {
      lazy: () =>
        import('./components/NextMeetingsWidget').then(
          m => m.NextMeetingsWidget,
        ),
    },
  }),
);
