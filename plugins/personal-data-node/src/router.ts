import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { audited } from '@internal/plugin-portal-node';
import express from 'express';
import Router from 'express-promise-router';
import { PersonalDataProvider } from './types';

function userRefOf(value: string): string {
  try {
    const ref = parseEntityRef(value);
    if (ref.kind.toLocaleLowerCase('en-US') !== 'user') {
      throw new Error('not a user');
    }
    return stringifyEntityRef(ref);
  } catch {
    throw new InputError(
      'userRef: must be a user entity ref, like user:default/name',
    );
  }
}

/**
 * Mounts `GET /.personal-data/export?userRef=` and
 * `POST /.personal-data/erase?userRef=` on a plugin's router. Only other
 * backend plugins (service credentials) may call them: the portal's
 * personal-data service checks who asks, collects from every plugin, and
 * shows the person the result. Both calls are audit events.
 *
 * @public
 */
export function createPersonalDataRouter(options: {
  provider: PersonalDataProvider;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
}): express.Router {
  const { provider, httpAuth, auditor } = options;
  const router = Router();

  router.get('/.personal-data/export', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['service'] });
    const userRef = userRefOf(String(req.query.userRef ?? ''));
    const data = await audited(
      auditor,
      req,
      {
        eventId: 'personal-data-export',
        severityLevel: 'high',
        meta: { userRef },
      },
      () => provider.exportPersonalData(userRef),
    );
    res.json({ userRef, data: data ?? null });
  });

  router.post('/.personal-data/erase', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['service'] });
    const userRef = userRefOf(String(req.query.userRef ?? ''));
    const report = await audited(
      auditor,
      req,
      {
        eventId: 'personal-data-erase',
        severityLevel: 'high',
        meta: { userRef },
      },
      () => provider.erasePersonalData(userRef),
    );
    res.json({ userRef, report });
  });

  return router;
}
