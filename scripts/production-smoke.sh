#!/usr/bin/env bash
# Production smoke test: the backend bundle (yarn build:backend) with the app
# bundle inside, installed with production dependencies only, started with
# NODE_ENV=production and app-config.production.yaml on PostgreSQL, the way a
# container would run it. Checks one port serves the app and the API, that
# demo sign-in is refused and that sign-in goes to Microsoft Entra ID.
#
# Needs: packages/backend/dist (yarn build:app && yarn build:backend) and
# BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
conn="${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:?PostgreSQL connection string needed}"
port="${SMOKE_PORT:-7027}"
base="http://localhost:$port"
work="$(mktemp -d "${TMPDIR:-/tmp}/portal-prod-smoke.XXXXXX")"
prefix="portal_smoke_$(date +%s)_"
pid=""

# postgresql://user:password@host:port
rest="${conn#*://}"
creds="${rest%%@*}"
hostport="${rest#*@}"
hostport="${hostport%%/*}"

drop_databases() {
  node -e '
    const { Client } = require(process.argv[1]);
    (async () => {
      const c = new Client({ connectionString: process.argv[2] });
      await c.connect();
      const { rows } = await c.query("SELECT datname FROM pg_database WHERE datname LIKE $1", [process.argv[3] + "%"]);
      for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      await c.end();
    })().catch(e => { console.error(e.message); process.exit(1); });
  ' "$root/node_modules/pg" "$conn" "$prefix" || true
}

cleanup() {
  if [ -n "$pid" ]; then
    kill "$pid" 2>/dev/null || true
    # Backstage waits for open long-polls on shutdown; do not wait a minute.
    for _ in 1 2 3 4 5; do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    pkill -9 -f "$work/packages/backend" 2>/dev/null || true
  fi
  drop_databases
  rm -rf "$work"
}
trap cleanup EXIT

fail() { echo "production smoke: FAILED: $*" >&2; echo "--- backend log (last 30 lines)" >&2; tail -30 "$work/backend.log" >&2 || true; exit 1; }

echo "production smoke: unpacking the backend bundle into $work"
tar xzf "$root/packages/backend/dist/skeleton.tar.gz" -C "$work"
tar xzf "$root/packages/backend/dist/bundle.tar.gz" -C "$work"
cp "$root/.yarnrc.yml" "$root/app-config.yaml" "$root/app-config.production.yaml" "$work/"
mkdir -p "$work/.yarn/plugins" && cp "$root"/.yarn/plugins/*.cjs "$work/.yarn/plugins/"
cp -r "$root/catalog" "$work/"

echo "production smoke: installing production dependencies (offline, from the local cache)"
(cd "$work" && YARN_CACHE_FOLDER="$root/.yarn/cache" YARN_ENABLE_NETWORK=false \
  YARN_ENABLE_SCRIPTS=false YARN_ENABLE_IMMUTABLE_INSTALLS=false \
  yarn workspaces focus --all --production > "$work/install.log" 2>&1) ||
  { tail -20 "$work/install.log"; fail "production install"; }

echo "production smoke: starting with NODE_ENV=production on PostgreSQL at $base"
(cd "$work" && NODE_ENV=production PORTAL_BASE_URL="$base" \
  POSTGRES_HOST="${hostport%%:*}" POSTGRES_PORT="${hostport##*:}" \
  POSTGRES_USER="${creds%%:*}" POSTGRES_PASSWORD="${creds#*:}" \
  AUTH_SESSION_SECRET=smoke AUTH_MICROSOFT_CLIENT_ID=smoke-client \
  AUTH_MICROSOFT_CLIENT_SECRET=smoke-secret AUTH_MICROSOFT_TENANT_ID=smoke-tenant \
  APP_CONFIG_backend_listen=":$port" APP_CONFIG_backend_database_prefix="$prefix" \
  exec node --max-semi-space-size=64 packages/backend --config app-config.yaml --config app-config.production.yaml \
  > "$work/backend.log" 2>&1) &
pid=$!

for _ in $(seq 1 120); do
  curl -fs "$base/.backstage/health/v1/readiness" > /dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || fail "the backend exited"
  sleep 1
done
curl -fs "$base/.backstage/health/v1/readiness" > /dev/null || fail "not ready within 120 s"

status() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
curl -fs "$base/" | grep -q '<div id="root">' || fail "the app bundle is not served at /"
[ "$(status "$base/api/catalog/entities")" = 401 ] || fail "an anonymous API call was not refused with 401"
[ "$(status -H 'x-demo-user: mia.nordlund' -H 'X-Requested-With: XMLHttpRequest' "$base/api/auth/demo/refresh")" = 404 ] ||
  fail "demo sign-in was not refused in production"
[ "$(status "$base/api/auth/demo/users")" = 404 ] || fail "the demo user list is served in production"
location="$(curl -s -o /dev/null -w '%{redirect_url}' "$base/api/auth/microsoft/start?env=production")"
case "$location" in
  https://login.microsoftonline.com/smoke-tenant/*) ;;
  *) fail "sign-in does not go to Microsoft Entra ID (got '$location')" ;;
esac
echo "production smoke: passed in ${SECONDS}s (app and API on one port, demo sign-in refused, Entra ID sign-in)"
