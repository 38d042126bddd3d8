import { createFrontendModule } from '@backstage/frontend-plugin-api';
import {
  HomePageLayoutBlueprint,
  HomePageWidgetBlueprint,
} from '@backstage/plugin-home-react/alpha';

const homeLayout = HomePageLayoutBlueprint.make({
  params: {
    loader: async () => (await import('./HomeLayout')).HomeLayout,
  },
});

const areasWidget = HomePageWidgetBlueprint.make({
  name: 'portal-areas',
  params: {
    name: 'PortalAreas',
    layout: { width: { defaultColumns: 6 } },
    components: async () => {
      const { AreasWidget } = await import('./AreasWidget');
      return { Content: AreasWidget };
    },
  },
});

/**
 * The home page's layout and the shell's own widget. Feature plugins add
 * their widgets with HomePageWidgetBlueprint.
 */
export const portalHomeModule = createFrontendModule({
  pluginId: 'home',
  extensions: [homeLayout, areasWidget],
});
