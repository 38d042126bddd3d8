/**
 * Development-only demo sign-in for the peer support portal.
 *
 * @packageDocumentation
 */
export { authModuleDemoProvider as default } from './module';
export type { DemoUser } from './demoUsers';
