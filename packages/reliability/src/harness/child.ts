import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from './workspace';

export type Child = {
  process: ChildProcess;
  baseUrl: string;
  routes: string[];
  log: string[];
};

/** Starts the backend in a child process and waits until it serves. */
export async function startChild(
  databaseId: 'SQLITE_3' | 'POSTGRES_15',
  port: number,
  directory: string,
  prefix: string,
  pg?: string,
  extra: { demoData?: boolean; config?: object } = {},
): Promise<Child> {
  const child = spawn(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      path.join(REPO_ROOT, 'packages/reliability/scripts/backendChild.ts'),
      databaseId,
      String(port),
      directory,
      prefix,
      JSON.stringify(extra),
    ],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        ...(pg
          ? { BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING: pg }
          : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const log: string[] = [];
  let buffered = '';
  const ready = await new Promise<{ baseUrl: string; routes: string[] }>(
    (resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(`backend did not start:\n${log.slice(-20).join('')}`),
          ),
        180_000,
      );
      child.stdout!.on('data', (d: Buffer) => {
        const text = d.toString();
        log.push(text);
        buffered += text;
        const m = /READY (\{.*\})\n/.exec(buffered);
        if (m) {
          clearTimeout(timer);
          resolve(JSON.parse(m[1]));
        }
      });
      child.stderr!.on('data', (d: Buffer) => log.push(d.toString()));
      child.on('exit', code => {
        clearTimeout(timer);
        reject(
          new Error(`backend exited with ${code}:\n${log.slice(-20).join('')}`),
        );
      });
    },
  );
  child.removeAllListeners('exit');
  // Keep reading its output, so that the child never blocks on a full pipe.
  child.stdout!.removeAllListeners('data');
  child.stdout!.on('data', () => undefined);
  return { process: child, baseUrl: ready.baseUrl, routes: ready.routes, log };
}

/** Stops a backend child: SIGTERM, then SIGKILL if it has not gone in 10 s. */
export async function stopChild(child: Child): Promise<void> {
  if (child.process.exitCode !== null) return;
  const gone = new Promise<void>(resolve =>
    child.process.once('exit', () => resolve()),
  );
  child.process.kill('SIGTERM');
  const timer = setTimeout(() => child.process.kill('SIGKILL'), 10_000);
  await gone;
  clearTimeout(timer);
}
