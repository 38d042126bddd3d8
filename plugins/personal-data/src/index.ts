/**
 * The personal data pages: "Mina uppgifter" for everyone, and the
 * coordinators' page of erasure requests, consent changes and retention.
 *
 * The default export is the plugin for Backstage's new frontend system; the
 * legacy app uses `personalDataPlugin` and `PersonalDataPage`.
 *
 * @packageDocumentation
 */
export { default } from './plugin';
export { personalDataPlugin, PersonalDataPage } from './legacy';
export { personalDataApiRef } from './api/PersonalDataApi';
export type {
  PersonalDataApi,
  ErasureRequestFilter,
} from './api/PersonalDataApi';
export { PersonalDataClient } from './api/PersonalDataClient';
export { personalDataTranslationRef } from './translation';
