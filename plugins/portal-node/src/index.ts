/**
 * Backend helpers shared by the portal's plugins.
 *
 * @packageDocumentation
 */
export { audited } from './audited';
export { parseInput } from './parseInput';
