import { Content } from '@backstage/core-components';
import {
  SubPageBlueprint,
  createFrontendModule,
} from '@backstage/frontend-plugin-api';
import {
  UserSettingsAppearanceCard,
  UserSettingsProfileCard,
} from '@backstage/plugin-user-settings';
import Grid from '@material-ui/core/Grid';

/**
 * The settings page's general tab: profile (with sign-out) and appearance
 * (theme, language, sidebar). Backstage's identity card is left out: it
 * links to catalog entity pages, which this portal does not have.
 */
const generalSettings = SubPageBlueprint.make({
  name: 'general',
  params: {
    path: 'general',
    title: 'Allmänt',
    loader: async () => (
      <Content>
        <Grid container direction="row" spacing={3}>
          <Grid item xs={12} md={6}>
            <UserSettingsProfileCard />
          </Grid>
          <Grid item xs={12} md={6}>
            <UserSettingsAppearanceCard />
          </Grid>
        </Grid>
      </Content>
    ),
  },
});

export const portalSettingsModule = createFrontendModule({
  pluginId: 'user-settings',
  extensions: [generalSettings],
});
