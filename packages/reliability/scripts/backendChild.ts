/*
 * The portal's backend in a process of its own, for the longer runs
 * (long.ts kills it with SIGKILL and starts it again on the same data).
 * Arguments: databaseId, port, then the SQLite folder or the PostgreSQL
 * prefix; PostgreSQL from BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING.
 * Prints "READY {baseUrl, routes}" when it serves.
 */
import {
  startInProcessBackend,
  waitForDemoUsers,
} from '../src/harness/backend';
import { DatabaseId } from '../src/harness/dump';

async function main() {
  const [databaseId, port, directory, prefix, extra] = process.argv.slice(2);
  const { demoData, config } = JSON.parse(extra || '{}');
  const backend = await startInProcessBackend({
    databaseId: databaseId as DatabaseId,
    port: Number(port),
    keepData: true,
    databases: { directory, prefix },
    demoData,
    config,
  });
  await waitForDemoUsers(backend.baseUrl);
  process.stdout.write(
    `READY ${JSON.stringify({
      baseUrl: backend.baseUrl,
      routes: backend.routes,
    })}\n`,
  );
}

main().catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
