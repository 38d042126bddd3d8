/**
 * The peer directory's frontend.
 *
 * The default export is the plugin for Backstage's new frontend system; the
 * legacy app uses `peerDirectoryPlugin` and `PeerDirectoryPage`.
 *
 * @packageDocumentation
 */
export { default } from './plugin';
export {
  peerDirectoryPlugin,
  PeerDirectoryPage,
  PeerDirectoryCoverageCard,
} from './legacy';
export { peerDirectoryApiRef } from './api/PeerDirectoryApi';
export type { PeerDirectoryApi } from './api/PeerDirectoryApi';
export { PeerDirectoryClient } from './api/PeerDirectoryClient';
export { peerDirectoryTranslationRef } from './translation';
