import {
  AppRootElementBlueprint,
  createFrontendModule,
} from '@backstage/frontend-plugin-api';
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

const documentLanguage = AppRootElementBlueprint.make({
  name: 'document-language',
  params: { element: <DocumentLanguage /> },
});

/** The portal's app shell: sign-in, navigation, language, shared pages. */
export const portalAppModule = createFrontendModule({
  pluginId: 'app',
  extensions: [
    signInPage,
    SidebarContent,
    documentLanguage,
    accessibilityPage,
    ...areaPages,
    ...backstageSwedishTranslations,
  ],
});
