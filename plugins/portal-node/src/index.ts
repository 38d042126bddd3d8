/**
 * Backend helpers shared by the portal's plugins.
 *
 * @packageDocumentation
 */
export { audited } from './audited';
export { parseInput } from './parseInput';
export { foldSwedish, queryTerms, escapeLike } from './fold';
export { encodeKeyset, decodeKeyset } from './keyset';
export { DEMO_REGIONS, seededRandom } from './demo';
export { runStoreBenchmark, benchmarkArg } from './storeBenchmark';
export type { BenchmarkQuery } from './storeBenchmark';
export { portalAccess, groupNames } from './access';
export type { UserCredentials } from './access';
export { jsonBodies, databaseOutagesAs503 } from './requestGuards';
export { RateLimiter, readRateLimit } from './rateLimit';
export type { RateLimit } from './rateLimit';
export { cacheSqliteStatements } from './sqliteStatements';
export { stockholmWallClock, stockholmDay, stockholmMonth } from './stockholm';
