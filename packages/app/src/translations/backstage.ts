import {
  TranslationRef,
  createTranslationMessages,
  createTranslationResource,
} from '@backstage/frontend-plugin-api';
import { TranslationBlueprint } from '@backstage/plugin-app-react';
import { notificationsTranslationRef } from '@backstage/plugin-notifications';
import { searchReactTranslationRef } from '@backstage/plugin-search-react';
import { searchTranslationRef } from '@backstage/plugin-search';
import { userSettingsTranslationRef } from '@backstage/plugin-user-settings';

/**
 * A Swedish translation of one of Backstage's translation refs, loaded when
 * the language is Swedish (English stays the ref's own default).
 */
function swedish<
  TId extends string,
  TMessages extends { [key: string]: string },
>(
  ref: TranslationRef<TId, TMessages>,
  messages: { [key in keyof TMessages]?: string },
) {
  return TranslationBlueprint.make({
    name: `sv-${ref.id}`,
    params: {
      resource: createTranslationResource({
        ref,
        translations: {
          sv: async () => ({
            default: createTranslationMessages({ ref, messages }),
          }),
        },
      }),
    },
  });
}

/**
 * Swedish for the texts of Backstage's own plugins that the portal shows
 * most. Whatever is not listed here falls back to English.
 */
export const backstageSwedishTranslations = [
  swedish(notificationsTranslationRef, {
    'sidebar.title': 'Aviseringar',
    'notificationsPage.title': 'Aviseringar',
    'unreadCard.emptyState': 'Inga olästa aviseringar',
    'unreadCard.title_one': 'Senaste olästa aviseringar ({{count}})',
    'unreadCard.title_other': 'Senaste olästa aviseringar ({{count}})',
    'unreadCard.viewAll': 'Visa alla',
    'unreadCard.columnNotification': 'Avisering',
    'unreadCard.columnActions': 'Åtgärder',
    'filters.title': 'Filter',
    'filters.view.all': 'Alla',
    'filters.view.label': 'Visa',
    'filters.view.read': 'Lästa aviseringar',
    'filters.view.saved': 'Sparade',
    'filters.view.unread': 'Olästa aviseringar',
    'table.emptyMessage': 'Inga aviseringar att visa',
    'table.bulkActions.markAllRead': 'Markera alla som lästa',
  }),
  swedish(searchReactTranslationRef, {
    'searchBar.title': 'Sök',
    'searchBar.placeholder': 'Sök i {{org}}',
    'searchBar.clearButtonTitle': 'Rensa',
    'searchFilter.allOptionTitle': 'Alla',
    'searchPagination.limitLabel': 'Resultat per sida:',
    'searchPagination.limitText': 'av {{num}}',
    noResultsDescription: 'Inga träffar hittades',
    'searchResultPager.next': 'Nästa',
    'searchResultPager.previous': 'Föregående',
  }),
  swedish(searchTranslationRef, {
    'sidebarSearchModal.title': 'Sök',
    'searchModal.viewFullResults': 'Visa alla resultat',
    'searchType.allResults': 'Alla resultat',
    'searchType.tabs.allTitle': 'Alla',
  }),
  swedish(userSettingsTranslationRef, {
    'languageToggle.select': 'Välj språk {{language}}',
    'languageToggle.title': 'Språk',
    'languageToggle.description': 'Byt språk',
    'themeToggle.select': 'Välj {{theme}}',
    'themeToggle.title': 'Tema',
    'themeToggle.description': 'Byt mellan ljust och mörkt',
    'themeToggle.names.auto': 'Automatiskt',
    'themeToggle.names.dark': 'Mörkt',
    'themeToggle.names.light': 'Ljust',
    'themeToggle.selectAuto': 'Välj automatiskt tema',
    'signOutMenu.title': 'Logga ut',
    'pinToggle.title': 'Fäst sidomenyn',
    'pinToggle.description': 'Håll sidomenyn utfälld',
    'pinToggle.ariaLabelTitle': 'Fäst sidomenyn',
    'pinToggle.switchTitles.unpin': 'Lossa sidomenyn',
    'pinToggle.switchTitles.pin': 'Fäst sidomenyn',
    'identityCard.title': 'Identitet',
    'identityCard.userEntity': 'Användare',
    'identityCard.ownershipEntities': 'Grupper',
    'defaultSettingsPage.tabsTitle.general': 'Allmänt',
    'defaultSettingsPage.tabsTitle.authProviders': 'Inloggning',
    'defaultSettingsPage.tabsTitle.featureFlags': 'Funktionsflaggor',
    'settingsLayout.title': 'Inställningar',
    sidebarTitle: 'Inställningar',
    'profileCard.title': 'Profil',
    'appearanceCard.title': 'Utseende',
  }),
];
