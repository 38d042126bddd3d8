/*
 * The peer support portal's backend: Backstage's new backend system with
 * the portal's plugins and the services they share (see ./features.ts).
 */
import { createBackend } from '@backstage/backend-defaults';
import { ensurePortalDataDir } from './dataDir';
import { addPortalFeatures } from './features';

ensurePortalDataDir();

const backend = createBackend();
addPortalFeatures(backend);
backend.start();
