import {
  AuditorService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  InputError,
  NotAllowedError,
  NotFoundError,
  ResponseError,
} from '@backstage/errors';
import { createPermissionIntegrationRouter } from '@backstage/plugin-permission-node';
import {
  ErasureRequest,
  MyPersonalData,
  consentChangeQuerySchema,
  erasureRejectSchema,
  emptyBodySchema,
  erasureRequestIdSchema,
  erasureRequestQuerySchema,
  personalDataManagePermission,
  personalDataOwnPermission,
  personalDataPermissions,
} from '@internal/plugin-personal-data-common';
import { retentionCutoff } from '@internal/plugin-personal-data-node';
import {
  audited,
  parseInput,
  portalAccess,
} from '@internal/plugin-portal-node';
import express from 'express';
import Router from 'express-promise-router';
import { DatabasePersonalDataStore } from '../database/DatabasePersonalDataStore';
import { PersonalDataService } from './PersonalDataService';

export type RouterOptions = {
  store: DatabasePersonalDataStore;
  service: PersonalDataService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  /** The plugin whose API lists consent changes. */
  consentSource?: string;
  clock?: () => Date;
};

/**
 * The personal-data service's API:
 *
 * - everyone signed in, for themselves: `GET /me`, `GET /me/export`,
 *   `POST /me/erasure-requests`;
 * - coordinators: the erasure requests (`GET /erasure-requests`, one by
 *   id, `POST …/confirm`, `…/reject`, `…/run`), the consent changes
 *   (`GET /consent-changes`) and the retention runs
 *   (`GET|POST /retention/runs`).
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { store, service, httpAuth, permissions, auditor } = options;
  const consentSource = options.consentSource ?? 'peer-directory';
  const now = () => (options.clock ?? (() => new Date()))();
  const router = Router();
  router.use(express.json({ limit: '16kb' }));
  router.use(
    createPermissionIntegrationRouter({ permissions: personalDataPermissions }),
  );
  const access = portalAccess({ httpAuth, permissions });

  async function person(req: express.Request) {
    const credentials = await access.user(req);
    await access.require(credentials, personalDataOwnPermission);
    return credentials.principal.userEntityRef;
  }

  async function coordinator(req: express.Request) {
    const credentials = await access.user(req);
    await access.require(credentials, personalDataManagePermission);
    return credentials.principal.userEntityRef;
  }

  /** The display names of the people among `refs`, by ref. */
  async function namesOf(refs: Array<string | undefined>) {
    const people = new Set(
      refs.filter((ref): ref is string => !!ref?.startsWith('user:')),
    );
    return new Map(
      await Promise.all(
        [...people].map(
          async ref => [ref, await service.displayNameOf(ref)] as const,
        ),
      ),
    );
  }

  /** Requests with the names of the coordinators who decided them. */
  async function named(items: ErasureRequest[]): Promise<ErasureRequest[]> {
    const names = await namesOf(items.map(r => r.decidedBy));
    return items.map(r =>
      r.decidedBy && names.has(r.decidedBy)
        ? { ...r, decidedByName: names.get(r.decidedBy) }
        : r,
    );
  }
  const namedOne = async (request: ErasureRequest | undefined) =>
    request ? (await named([request]))[0] : request;

  /** A request by id (404 if there is none). */
  async function requestById(id: string): Promise<ErasureRequest> {
    const request = await store.getRequest(id);
    if (!request) {
      throw new NotFoundError(`No erasure request with id ${id}`);
    }
    return request;
  }

  /** The start of the period a listing covers, `months` back from now. */
  const since = (months: number) =>
    retentionCutoff(now(), { months }).toISOString();

  // --- the person's own ------------------------------------------------------

  router.get('/me', async (req, res) => {
    const userRef = await person(req);
    const body: MyPersonalData = {
      userRef,
      displayName: await service.displayNameOf(userRef),
      erasureRequests: await store.listOwn(userRef),
      policy: service.policy,
      plugins: service.plugins,
    };
    res.json(body);
  });

  router.get('/me/export', async (req, res) => {
    const userRef = await person(req);
    const document = await audited(
      auditor,
      req,
      {
        eventId: 'personal-data-export',
        severityLevel: 'medium',
        meta: { userRef },
      },
      () => service.exportOf(userRef),
    );
    res.setHeader('Cache-Control', 'no-store');
    res.json(document);
  });

  router.post('/me/erasure-requests', async (req, res) => {
    const userRef = await person(req);
    parseInput(emptyBodySchema, req.body, 'body');
    const request = await audited(
      auditor,
      req,
      {
        eventId: 'erasure-request',
        severityLevel: 'high',
        meta: { userRef },
      },
      async () =>
        store.createRequest({
          userRef,
          displayName: await service.displayNameOf(userRef),
          now: now(),
        }),
    );
    res.status(201).json(request);
  });

  router.post('/me/erasure-requests/:id/withdraw', async (req, res) => {
    const userRef = await person(req);
    const { id } = parseInput(erasureRequestIdSchema, req.params, 'path');
    parseInput(emptyBodySchema, req.body, 'body');
    const request = await audited(
      auditor,
      req,
      {
        eventId: 'erasure-withdraw',
        severityLevel: 'medium',
        meta: { requestId: id, userRef },
      },
      () => store.withdraw(id, userRef, now()),
    );
    res.json(request);
  });

  // --- coordinators ------------------------------------------------------------

  router.get('/erasure-requests', async (req, res) => {
    await coordinator(req);
    const query = parseInput(erasureRequestQuerySchema, req.query, 'query');
    const page = await store.listRequests({
      since: since(query.months),
      status: query.status,
      limit: query.limit,
      cursor: query.cursor,
    });
    res.json({ ...page, items: await named(page.items) });
  });

  router.get('/erasure-requests/:id', async (req, res) => {
    await coordinator(req);
    const { id } = parseInput(erasureRequestIdSchema, req.params, 'path');
    res.json(await namedOne(await requestById(id)));
  });

  /** A coordinator never decides their own request (four eyes). */
  async function decidable(id: string, by: string) {
    const request = await requestById(id);
    if (request.userRef === by) {
      throw new NotAllowedError(
        'Another coordinator decides your own erasure request',
      );
    }
    return request;
  }

  router.post('/erasure-requests/:id/confirm', async (req, res) => {
    const by = await coordinator(req);
    const { id } = parseInput(erasureRequestIdSchema, req.params, 'path');
    parseInput(emptyBodySchema, req.body, 'body');
    const request = await audited(
      auditor,
      req,
      {
        eventId: 'erasure-confirm',
        severityLevel: 'high',
        meta: { requestId: id },
      },
      async () => {
        const target = await decidable(id, by);
        await store.confirm(id, by, service.plugins, now());
        return { userRef: target.userRef };
      },
    );
    // The run itself: each plugin's erasure is its own audit event there.
    const result = await audited(
      auditor,
      req,
      {
        eventId: 'erasure-run',
        severityLevel: 'high',
        meta: { requestId: id, userRef: request.userRef },
      },
      () => service.runErasure(id),
    );
    res.json(await namedOne(result));
  });

  router.post('/erasure-requests/:id/reject', async (req, res) => {
    const by = await coordinator(req);
    const { id } = parseInput(erasureRequestIdSchema, req.params, 'path');
    const { reason } = parseInput(erasureRejectSchema, req.body, 'body');
    const request = await audited(
      auditor,
      req,
      {
        eventId: 'erasure-reject',
        severityLevel: 'high',
        meta: { requestId: id },
      },
      async () => {
        await decidable(id, by);
        return store.reject(id, by, reason.trim(), now());
      },
    );
    res.json(await namedOne(request));
  });

  router.post('/erasure-requests/:id/run', async (req, res) => {
    await coordinator(req);
    const { id } = parseInput(erasureRequestIdSchema, req.params, 'path');
    parseInput(emptyBodySchema, req.body, 'body');
    const request = await audited(
      auditor,
      req,
      {
        eventId: 'erasure-run',
        severityLevel: 'high',
        meta: { requestId: id },
      },
      async () => {
        const found = await requestById(id);
        if (found.status !== 'in-progress') {
          throw new InputError(
            `The request is ${found.status}: only a request in progress is run again`,
          );
        }
        return service.runErasure(id);
      },
    );
    res.json(await namedOne(request));
  });

  router.get('/consent-changes', async (req, res) => {
    const by = await coordinator(req);
    const query = parseInput(consentChangeQuerySchema, req.query, 'query');
    const page = await audited(
      auditor,
      req,
      {
        eventId: 'consent-log-read',
        severityLevel: 'low',
        meta: { by, months: query.months },
      },
      async () => {
        try {
          return await service.consentChanges(consentSource, {
            since: since(query.months),
            limit: query.limit,
            cursor: query.cursor,
          });
        } catch (error) {
          if (error instanceof ResponseError && error.response.status === 400) {
            throw new InputError('cursor: is not a cursor this API gave out');
          }
          throw error;
        }
      },
    );
    res.json(page);
  });

  router.get('/retention/runs', async (req, res) => {
    await coordinator(req);
    const runs = await store.listRetentionRuns(20);
    const names = await namesOf(runs.map(r => r.startedBy));
    res.json({
      items: runs.map(r =>
        r.startedBy && names.has(r.startedBy)
          ? { ...r, startedByName: names.get(r.startedBy) }
          : r,
      ),
    });
  });

  router.post('/retention/runs', async (req, res) => {
    const by = await coordinator(req);
    parseInput(emptyBodySchema, req.body, 'body');
    const run = await audited(
      auditor,
      req,
      {
        eventId: 'retention-run',
        severityLevel: 'high',
        meta: { by, policy: service.policy },
      },
      () => service.applyRetention({ trigger: 'manual', startedBy: by }),
    );
    res.status(201).json(run);
  });

  return router;
}
