import {
  AuditorService,
  HttpAuthService,
  PermissionsService,
  UserInfoService,
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import { createPermissionIntegrationRouter } from '@backstage/plugin-permission-node';
import {
  consentUpdateSchema,
  coverageQuerySchema,
  interestSchema,
  ownProfileUpdateSchema,
  peerDirectoryManagePermission,
  peerDirectoryOwnProfilePermission,
  peerDirectoryPermissions,
  peerDirectoryReadPermission,
  peerDirectorySensitiveReadPermission,
  profileIdSchema,
  profileQuerySchema,
  statusChangeSchema,
  trainingSchema,
} from '@internal/plugin-peer-directory-common';
import { JsonObject } from '@backstage/types';
import { createPersonalDataRouter } from '@internal/plugin-personal-data-node';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { DatabaseProfileStore } from '../database/DatabaseProfileStore';
import { parse } from './validation';

export type RouterOptions = {
  store: DatabaseProfileStore;
  httpAuth: HttpAuthService;
  userInfo: UserInfoService;
  permissions: PermissionsService;
  auditor: AuditorService;
  /** Display names of users, for interest registrations. */
  displayNameOf: (userRef: string) => Promise<string>;
};

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { store, httpAuth, permissions, auditor } = options;
  const router = Router();
  router.use(express.json({ limit: '64kb' }));
  router.use(
    createPermissionIntegrationRouter({
      permissions: peerDirectoryPermissions,
    }),
  );
  // Export and erasure of a person's data, for the portal's personal-data
  // service (service credentials only).
  router.use(createPersonalDataRouter({ provider: store, httpAuth, auditor }));

  const user = (req: express.Request) =>
    httpAuth.credentials(req, { allow: ['user'] });

  async function allowed(
    credentials: BackstageCredentials,
    permission: BasicPermission,
  ): Promise<boolean> {
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    return decision.result === AuthorizeResult.ALLOW;
  }

  async function require(
    credentials: BackstageCredentials,
    permission: BasicPermission,
  ) {
    if (!(await allowed(credentials, permission))) {
      throw new NotAllowedError(`Not allowed: ${permission.name}`);
    }
  }

  /** Runs a step as an audit event: success or failure, with the record. */
  async function audited<T>(
    req: express.Request,
    eventId: string,
    meta: JsonObject,
    severity: 'low' | 'medium' | 'high',
    step: () => Promise<T>,
  ): Promise<T> {
    const event = await auditor.createEvent({
      eventId,
      request: req,
      severityLevel: severity,
      meta,
    });
    try {
      const result = await step();
      await event.success();
      return result;
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  }

  router.get('/profiles', async (req, res) => {
    const credentials = await user(req);
    await require(credentials, peerDirectoryReadPermission);
    const query = parse(profileQuerySchema, req.query, 'query');
    const includeSensitive = await allowed(
      credentials,
      peerDirectorySensitiveReadPermission,
    );
    const list = await store.listProfiles(query, { includeSensitive });
    const sensitiveShown = list.items.filter(p => p.experience || p.story);
    if (sensitiveShown.length) {
      await audited(
        req,
        'sensitive-read',
        { profileIds: sensitiveShown.map(p => p.id), route: 'list' },
        'medium',
        async () => undefined,
      );
    }
    res.json(list);
  });

  router.get('/profiles/me', async (req, res) => {
    const credentials = (await user(
      req,
    )) as BackstageCredentials<BackstageUserPrincipal>;
    const own = await store.getOwnProfile(credentials.principal.userEntityRef);
    if (!own) {
      throw new NotFoundError('You have no profile yet');
    }
    res.json(own);
  });

  router.put('/profiles/me', async (req, res) => {
    const credentials = (await user(
      req,
    )) as BackstageCredentials<BackstageUserPrincipal>;
    await require(credentials, peerDirectoryOwnProfilePermission);
    const update = parse(ownProfileUpdateSchema, req.body, 'body');
    const userRef = credentials.principal.userEntityRef;
    const profile = await audited(
      req,
      'profile-update',
      { userRef },
      'medium',
      () => store.updateOwnProfile(userRef, update),
    );
    res.json(profile);
  });

  router.put('/profiles/me/consent', async (req, res) => {
    const credentials = (await user(
      req,
    )) as BackstageCredentials<BackstageUserPrincipal>;
    await require(credentials, peerDirectoryOwnProfilePermission);
    const consent = parse(consentUpdateSchema, req.body, 'body');
    const userRef = credentials.principal.userEntityRef;
    const { profile } = await audited(
      req,
      'consent-change',
      { userRef, consent },
      'high',
      () => store.setConsent(userRef, consent),
    );
    res.json(profile);
  });

  router.get('/profiles/:id', async (req, res) => {
    const credentials = await user(req);
    await require(credentials, peerDirectoryReadPermission);
    const id = parse(z.object({ id: profileIdSchema }), req.params, 'path').id;
    const includeSensitive = await allowed(
      credentials,
      peerDirectorySensitiveReadPermission,
    );
    const profile = await store.getProfile(id, { includeSensitive });
    if (!profile) {
      throw new NotFoundError(`No profile with id ${id}`);
    }
    if (profile.experience || profile.story) {
      await audited(
        req,
        'sensitive-read',
        { profileIds: [id], route: 'get' },
        'medium',
        async () => undefined,
      );
    }
    res.json(profile);
  });

  router.post('/interest', async (req, res) => {
    const credentials = (await user(
      req,
    )) as BackstageCredentials<BackstageUserPrincipal>;
    await require(credentials, peerDirectoryOwnProfilePermission);
    const interest = parse(interestSchema, req.body, 'body');
    const userRef = credentials.principal.userEntityRef;
    const entry = await audited(
      req,
      'interest-register',
      { userRef },
      'medium',
      async () =>
        store.registerInterest(
          userRef,
          await options.displayNameOf(userRef),
          interest,
        ),
    );
    res.status(201).json(entry);
  });

  router.get('/onboarding', async (req, res) => {
    const credentials = await user(req);
    await require(credentials, peerDirectoryManagePermission);
    res.json({ items: await store.listOnboarding() });
  });

  router.post('/profiles/:id/status', async (req, res) => {
    const credentials = (await user(
      req,
    )) as BackstageCredentials<BackstageUserPrincipal>;
    await require(credentials, peerDirectoryManagePermission);
    const id = parse(z.object({ id: profileIdSchema }), req.params, 'path').id;
    const change = parse(statusChangeSchema, req.body, 'body');
    const profile = await audited(
      req,
      'status-change',
      { profileId: id, status: change.status },
      'medium',
      () => store.changeStatus(id, change, credentials.principal.userEntityRef),
    );
    res.json(profile);
  });

  router.post('/profiles/:id/training', async (req, res) => {
    const credentials = (await user(
      req,
    )) as BackstageCredentials<BackstageUserPrincipal>;
    await require(credentials, peerDirectoryManagePermission);
    const id = parse(z.object({ id: profileIdSchema }), req.params, 'path').id;
    const training = parse(trainingSchema, req.body, 'body');
    const record = await audited(
      req,
      'training-record',
      { profileId: id, kind: training.kind },
      'low',
      () =>
        store.addTraining(id, training, credentials.principal.userEntityRef),
    );
    res.status(201).json(record);
  });

  // For the search collator only (service credentials): public fields of
  // listed profiles, never lived experience, whatever the consent.
  router.get('/collator/documents', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['service'] });
    const { cursor } = parse(
      z.object({ cursor: z.string().max(500).optional() }).strict(),
      req.query,
      'query',
    );
    const page = await store.listProfiles(
      { limit: 100, cursor },
      { includeSensitive: false },
    );
    res.json({
      items: page.items.map(p => ({
        id: p.id,
        displayName: p.displayName,
        role: p.role,
        region: p.region,
        units: p.units,
        languages: p.languages,
        supportModes: p.supportModes,
        assignmentTypes: p.assignmentTypes,
      })),
      nextCursor: page.nextCursor,
    });
  });

  router.get('/coverage', async (req, res) => {
    const credentials = await user(req);
    await require(credentials, peerDirectoryReadPermission);
    const { region } = parse(coverageQuerySchema, req.query, 'query');
    res.json(await store.coverage(region));
  });

  return router;
}
