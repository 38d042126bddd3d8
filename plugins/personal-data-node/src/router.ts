import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  eraseBodySchema,
  retentionBodySchema,
} from '@internal/plugin-personal-data-common';
import { audited, parseInput } from '@internal/plugin-portal-node';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { PersonalDataProvider } from './types';

/** Query of export and erase: the person, and nothing else. */
const userRefQuerySchema = z.object({ userRef: z.string().max(300) }).strict();

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
 * Mounts `GET /.personal-data/export?userRef=`,
 * `POST /.personal-data/erase?userRef=` (body `{ pseudonym? }`) and
 * `POST /.personal-data/retention` (body `{ policy, now }`) on a plugin's
 * router. Only other backend plugins (service credentials) may call them:
 * the portal's personal-data service checks who asks, collects from every
 * plugin, and shows the person the result. Every call is an audit event.
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
  // A no-op when the plugin's router has parsed the body already.
  router.use('/.personal-data', express.json({ limit: '16kb' }));

  router.get('/.personal-data/export', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['service'] });
    const userRef = userRefOf(
      parseInput(userRefQuerySchema, req.query, 'query').userRef,
    );
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
    const userRef = userRefOf(
      parseInput(userRefQuerySchema, req.query, 'query').userRef,
    );
    const { pseudonym } = parseInput(eraseBodySchema, req.body, 'body');
    const report = await audited(
      auditor,
      req,
      {
        eventId: 'personal-data-erase',
        severityLevel: 'high',
        meta: { userRef },
      },
      () => provider.erasePersonalData(userRef, { pseudonym }),
    );
    res.json({ userRef, report });
  });

  router.post('/.personal-data/retention', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['service'] });
    const { policy, now } = parseInput(retentionBodySchema, req.body, 'body');
    const report = await audited(
      auditor,
      req,
      {
        eventId: 'personal-data-retention',
        severityLevel: 'medium',
        meta: { policy, now },
      },
      async () =>
        provider.applyRetention
          ? provider.applyRetention(policy, new Date(now))
          : { removed: [] },
    );
    res.json({
      supported: Boolean(provider.applyRetention),
      report,
    });
  });

  return router;
}
