/**
 * The peer directory's backend plugin.
 *
 * @packageDocumentation
 */
export { peerDirectoryPlugin as default } from './plugin';
export { DatabaseProfileStore } from './database/DatabaseProfileStore';
export type { NewProfile } from './database/DatabaseProfileStore';
