import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import EventIcon from '@material-ui/icons/Event';
import { networkMeetingsApiRef } from './api/NetworkMeetingsApi';
import { NetworkMeetingsClient } from './api/NetworkMeetingsClient';

/** @public */
export const rootRouteRef = createRouteRef();

const networkMeetingsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: networkMeetingsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new NetworkMeetingsClient({ discoveryApi, fetchApi }),
    }),
});

const networkMeetingsPage = PageBlueprint.make({
  params: {
    path: '/network-meetings',
    routeRef: rootRouteRef,
    title: 'Network meetings',
    noHeader: true,
    icon: <EventIcon fontSize="inherit" />,
    loader: () =>
      import('./components/NetworkMeetingsPage').then(m => (
        <m.NetworkMeetingsPage />
      )),
  },
});

const nextMeetingsWidget = HomePageWidgetBlueprint.make({
  name: 'next-meetings',
  params: {
    name: 'NetworkMeetingsNext',
    layout: { width: { defaultColumns: 6 } },
    components: async () => {
      const { NextMeetingsWidget } = await import(
        './components/NextMeetingsWidget'
      );
      return { Content: NextMeetingsWidget };
    },
  },
});

/**
 * The network meeting calendar, for the new frontend system.
 *
 * @public
 */
export default createFrontendPlugin({
  pluginId: 'network-meetings',
  title: 'Network meetings',
  icon: <EventIcon fontSize="inherit" />,
  routes: { root: rootRouteRef },
  extensions: [networkMeetingsApi, networkMeetingsPage, nextMeetingsWidget],
});
