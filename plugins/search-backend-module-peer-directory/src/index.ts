/**
 * Backstage search over the peer directory's public profile fields.
 *
 * @packageDocumentation
 */
export { searchModulePeerDirectory as default } from './module';
export { PeerDirectoryCollatorFactory } from './PeerDirectoryCollatorFactory';
export type { PeerProfileDocument } from './PeerDirectoryCollatorFactory';
