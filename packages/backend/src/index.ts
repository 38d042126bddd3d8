/*
 * The peer support portal's backend: Backstage's new backend system with
 * the portal's plugins and the services they share.
 */
import { createBackend } from '@backstage/backend-defaults';
import { ensurePortalDataDir } from './dataDir';

ensurePortalDataDir();

const backend = createBackend();

// Serves the app bundle in production builds (one port for everything).
backend.add(import('@backstage/plugin-app-backend'));

// Sign-in: Microsoft Entra ID in production, demo users in development.
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-microsoft-provider'));
backend.add(import('@internal/plugin-auth-backend-module-demo-provider'));

// The organisation: regions, units, role groups and people.
backend.add(import('@backstage/plugin-catalog-backend'));

// Roles to permissions; anything not granted is denied.
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('@internal/plugin-permission-backend-module-portal-policy'));

// Search: Lunr in memory by default, PostgreSQL's engine when the database is PostgreSQL.
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-pg'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));

// Events across plugins and replicas, notifications and live signals.
backend.add(import('@backstage/plugin-events-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// Per-user settings (language, theme) kept server-side.
backend.add(import('@backstage/plugin-user-settings-backend'));

backend.start();
