/**
 * The network meeting calendar's frontend.
 *
 * The default export is the plugin for Backstage's new frontend system; the
 * legacy app uses `networkMeetingsPlugin` and `NetworkMeetingsPage`.
 *
 * @packageDocumentation
 */
export { default } from './plugin';
export {
  networkMeetingsPlugin,
  NetworkMeetingsPage,
  NextNetworkMeetingsCard,
} from './legacy';
export { networkMeetingsApiRef } from './api/NetworkMeetingsApi';
export type {
  NetworkMeetingsApi,
  MeetingFilter,
} from './api/NetworkMeetingsApi';
export { NetworkMeetingsClient } from './api/NetworkMeetingsClient';
export { networkMeetingsTranslationRef } from './translation';
