import { CatalogClient } from '@backstage/catalog-client';
import {
  ApiBlueprint,
  AppRootElementBlueprint,
  createFrontendModule,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';
import { DocumentLanguage } from '../../components/LanguageSwitch';
import { backstageSwedishTranslations } from '../../translations/backstage';
import { SidebarContent } from './Sidebar';
import { accessibilityPage, areaPages } from './pages';

const signInPage = SignInPageBlueprint.make({
  params: {
    loader: async () =>
      (await import('../../components/DemoSignInPage')).DemoSignInPage,
  },
});

/**
 * The catalog API (people, groups), which the settings page's profile card
 * reads. The catalog's own pages are not part of this portal.
 */
const catalogApi = ApiBlueprint.make({
  name: 'catalog',
  params: defineParams =>
    defineParams({
      api: catalogApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new CatalogClient({ discoveryApi, fetchApi }),
    }),
});

const documentLanguage = AppRootElementBlueprint.make({
  name: 'document-language',
  params: { element: <DocumentLanguage /> },
});

/** The portal's app shell: sign-in, navigation, language, shared pages. */
export const portalAppModule = createFrontendModule({
  pluginId: 'app',
  extensions: [
    signInPage,
    catalogApi,
    SidebarContent,
    documentLanguage,
    accessibilityPage,
    ...areaPages,
    ...backstageSwedishTranslations,
  ],
});
