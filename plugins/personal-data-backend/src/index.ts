/**
 * The portal's personal-data service: export, erasure and retention across
 * the plugins.
 *
 * @packageDocumentation
 */
export { personalDataPlugin as default } from './plugin';
