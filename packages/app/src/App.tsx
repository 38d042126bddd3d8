import { createApp } from '@backstage/frontend-defaults';
import { portalAppModule } from './modules/app';
import { portalHomeModule } from './modules/home';
import { portalSettingsModule } from './modules/settings';

/**
 * The peer support portal. Plugins listed in this package's dependencies
 * are discovered through `app.packages: all`; the modules below are the
 * portal's own shell.
 */
export default createApp({
  features: [portalAppModule, portalHomeModule, portalSettingsModule],
});
