/*
 * The portal's backend in a process of its own (harness/child.ts starts it
 * for every test; long.ts also kills it with SIGKILL and starts it again on
 * the same data). Arguments: databaseId, port, the SQLite folder, the
 * PostgreSQL prefix, and JSON `{ demoData, config }`; PostgreSQL from
 * BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING. Prints
 * "READY {baseUrl, routes}" once it serves and the catalog has the organisation
 * file's users and groups.
 */
import {
  startInProcessBackend,
  waitForOrganisation,
} from '../src/harness/backend';
import { DatabaseId } from '../src/harness/dump';

async function main() {
  const [databaseId, port, directory, prefix, extra] = process.argv.slice(2);
  const { demoData, config } = JSON.parse(extra || '{}');
  const backend = await startInProcessBackend({
    databaseId: databaseId as DatabaseId,
    port: Number(port),
    databases: { directory, prefix },
    demoData,
    config,
  });
  await waitForOrganisation(backend.baseUrl);
  process.stdout.write(`READY ${JSON.stringify(backend)}\n`);
}

main().catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
