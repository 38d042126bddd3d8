/**
 * Frontend helpers shared by the portal's plugins.
 *
 * @packageDocumentation
 */
export { useLoad, errorMessage, httpStatus } from './useLoad';
export type { Loaded } from './useLoad';
export { Pending } from './Pending';
export { useGroupTitles } from './useGroupTitles';
export { useLanguage } from './useLanguage';
export { PluginHttp, queryString } from './PluginHttp';
export type { PluginRequest } from './PluginHttp';
