import type { createBackend } from '@backstage/backend-defaults';
import appBackend from '@backstage/plugin-app-backend';
import authBackend from '@backstage/plugin-auth-backend';
import authMicrosoftProvider from '@backstage/plugin-auth-backend-module-microsoft-provider';
import catalogBackend from '@backstage/plugin-catalog-backend';
import eventsBackend from '@backstage/plugin-events-backend';
import notificationsBackend from '@backstage/plugin-notifications-backend';
import permissionBackend from '@backstage/plugin-permission-backend';
import searchBackend from '@backstage/plugin-search-backend';
import searchCatalogCollator from '@backstage/plugin-search-backend-module-catalog';
import searchPostgresEngine from '@backstage/plugin-search-backend-module-pg';
import signalsBackend from '@backstage/plugin-signals-backend';
import userSettingsBackend from '@backstage/plugin-user-settings-backend';
import authDemoProvider from '@internal/plugin-auth-backend-module-demo-provider';
import portalPermissionPolicy from '@internal/plugin-permission-backend-module-portal-policy';
import assignmentsBackend from '@internal/plugin-assignments-backend';
import evaluationBackend from '@internal/plugin-evaluation-backend';
import peerDirectoryBackend from '@internal/plugin-peer-directory-backend';
import networkMeetingsBackend from '@internal/plugin-network-meetings-backend';
import personalDataBackend from '@internal/plugin-personal-data-backend';
import searchPeerDirectoryCollator from '@internal/plugin-search-backend-module-peer-directory';
import { portalHttpRouterServiceFactory } from './httpRouter';

type Backend = ReturnType<typeof createBackend>;

/**
 * The plugins and modules that make up the portal's backend. The backend's
 * entry point and its integration tests install the same list.
 */
export const portalFeatures = [
  // Every plugin's HTTP router: JSON bodies read once (64 kB, UTF-8) and
  // database outages answered with 503 (./httpRouter.ts).
  portalHttpRouterServiceFactory,

  // Serves the app bundle in production builds (one port for everything).
  appBackend,

  // Sign-in: Microsoft Entra ID in production, demo users in development.
  authBackend,
  authMicrosoftProvider,
  authDemoProvider,

  // The organisation: regions, units, role groups and people.
  catalogBackend,

  // Roles to permissions; anything not granted is denied.
  permissionBackend,
  portalPermissionPolicy,

  // Search: Lunr in memory by default, PostgreSQL's engine when the
  // database is PostgreSQL.
  searchBackend,
  searchPostgresEngine,
  searchCatalogCollator,
  searchPeerDirectoryCollator,

  // Events across plugins and replicas, notifications and live signals.
  eventsBackend,
  notificationsBackend,
  signalsBackend,

  // Per-user settings (language, theme) kept server-side.
  userSettingsBackend,

  // The portal's feature plugins.
  peerDirectoryBackend,
  networkMeetingsBackend,
  assignmentsBackend,
  evaluationBackend,

  // Personal data across the plugins: export, erasure, retention.
  personalDataBackend,
];

export function addPortalFeatures(backend: Backend): void {
  for (const feature of portalFeatures) {
    backend.add(feature);
  }
}
