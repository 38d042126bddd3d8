#!/usr/bin/env node
/*
 * Starts the portal's backend for the end-to-end tests: a fresh data
 * folder, one port, the app bundle (packages/app/dist) served by the
 * backend. Build the bundle first (yarn build:app).
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const port = process.env.E2E_PORT || '7017';
const url = `http://localhost:${port}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-e2e-'));

if (!fs.existsSync(path.join(root, 'packages/app/dist/index.html'))) {
  console.error('packages/app/dist is missing: run `yarn build:app` first');
  process.exit(1);
}

// The backend's own entry point, without `package start`'s file watcher:
// an edit made while the tests run must not restart the backend under them.
const child = spawn(
  process.execPath,
  [
    '--enable-source-maps',
    '--require',
    require.resolve('@backstage/cli-node/config/nodeTransform.cjs', {
      paths: [root],
    }),
    'src/index',
  ],
  {
    cwd: path.join(root, 'packages/backend'),
    stdio: 'inherit',
    env: {
      ...process.env,
      NODE_ENV: 'development',
      ESBK_TSCONFIG_PATH: path.join(root, 'tsconfig.json'),
      PORTAL_DATA_DIR: dataDir,
      APP_CONFIG_app_baseUrl: url,
      APP_CONFIG_backend_baseUrl: url,
      APP_CONFIG_backend_listen_port: port,
      APP_CONFIG_backend_cors_origin: url,
      // Fast catalog processing so the demo users are there within seconds.
      APP_CONFIG_catalog_processingInterval_seconds: '2',
    },
  },
);

function stop() {
  child.kill('SIGTERM');
  setTimeout(() => child.kill('SIGKILL'), 5000).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
child.on('exit', code => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
