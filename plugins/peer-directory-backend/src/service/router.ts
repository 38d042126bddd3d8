import {
  AuditorService,
  HttpAuthService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
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
  ProfilesChangedEvent,
  statusChangeSchema,
  trainingSchema,
} from '@internal/plugin-peer-directory-common';
import { createPersonalDataRouter } from '@internal/plugin-personal-data-node';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { DatabaseProfileStore } from '../database/DatabaseProfileStore';
import {
  audited,
  parseInput,
  portalAccess,
  RateLimiter,
} from '@internal/plugin-portal-node';

export type RouterOptions = {
  store: DatabaseProfileStore;
  httpAuth: HttpAuthService;
  userInfo: UserInfoService;
  permissions: PermissionsService;
  auditor: AuditorService;
  /** Display names of users, for interest registrations. */
  displayNameOf: (userRef: string) => Promise<string>;
  /** Per-person limit on interest registrations (bucket `interest`); none if absent. */
  rateLimiter?: RateLimiter;
  /**
   * Called once what the listing shows has changed (search re-indexes on
   * it); must not throw.
   */
  onProfilesChanged?: (reason: ProfilesChangedEvent['reason']) => Promise<void>;
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
  const changed = options.onProfilesChanged ?? (async () => {});
  router.use(
    createPersonalDataRouter({
      provider: {
        exportPersonalData: userRef => store.exportPersonalData(userRef),
        erasePersonalData: async userRef => {
          const report = await store.erasePersonalData(userRef);
          if (report.erased) await changed('erasure');
          return report;
        },
        applyRetention: async (policy, now) => {
          const report = await store.applyRetention(policy, now);
          if (report.removed.some(r => r.count > 0)) await changed('retention');
          return report;
        },
      },
      httpAuth,
      auditor,
    }),
  );

  const { user, allowed, require } = portalAccess({ httpAuth, permissions });

  router.get('/profiles', async (req, res) => {
    const credentials = await user(req);
    await require(credentials, peerDirectoryReadPermission);
    const query = parseInput(profileQuerySchema, req.query, 'query');
    const includeSensitive = await allowed(
      credentials,
      peerDirectorySensitiveReadPermission,
    );
    const list = await store.listProfiles(query, { includeSensitive });
    const sensitiveShown = list.items.filter(p => p.experience || p.story);
    if (sensitiveShown.length) {
      await audited(
        auditor,
        req,
        {
          eventId: 'sensitive-read',
          severityLevel: 'medium',
          meta: { profileIds: sensitiveShown.map(p => p.id), route: 'list' },
        },
        async () => undefined,
      );
    }
    res.json(list);
  });

  router.get('/profiles/me', async (req, res) => {
    const credentials = await user(req);
    const own = await store.getOwnProfile(credentials.principal.userEntityRef);
    if (!own) {
      throw new NotFoundError('You have no profile yet');
    }
    res.json(own);
  });

  router.put('/profiles/me', async (req, res) => {
    const credentials = await user(req);
    await require(credentials, peerDirectoryOwnProfilePermission);
    const update = parseInput(ownProfileUpdateSchema, req.body, 'body');
    const userRef = credentials.principal.userEntityRef;
    const profile = await audited(
      auditor,
      req,
      { eventId: 'profile-update', severityLevel: 'medium', meta: { userRef } },
      () => store.updateOwnProfile(userRef, update),
    );
    await changed('profile');
    res.json(profile);
  });

  router.put('/profiles/me/consent', async (req, res) => {
    const credentials = await user(req);
    await require(credentials, peerDirectoryOwnProfilePermission);
    const consent = parseInput(consentUpdateSchema, req.body, 'body');
    const userRef = credentials.principal.userEntityRef;
    const { profile } = await audited(
      auditor,
      req,
      {
        eventId: 'consent-change',
        severityLevel: 'high',
        meta: { userRef, consent },
      },
      () => store.setConsent(userRef, consent),
    );
    res.json(profile);
  });

  router.get('/profiles/:id', async (req, res) => {
    const credentials = await user(req);
    await require(credentials, peerDirectoryReadPermission);
    const id = parseInput(
      z.object({ id: profileIdSchema }),
      req.params,
      'path',
    ).id;
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
        auditor,
        req,
        {
          eventId: 'sensitive-read',
          severityLevel: 'medium',
          meta: { profileIds: [id], route: 'get' },
        },
        async () => undefined,
      );
    }
    res.json(profile);
  });

  router.post('/interest', async (req, res) => {
    const credentials = await user(req);
    await require(credentials, peerDirectoryOwnProfilePermission);
    const interest = parseInput(interestSchema, req.body, 'body');
    const userRef = credentials.principal.userEntityRef;
    const register = () =>
      audited(
        auditor,
        req,
        {
          eventId: 'interest-register',
          severityLevel: 'medium',
          meta: { userRef },
        },
        async () =>
          store.registerInterest(
            userRef,
            await options.displayNameOf(userRef),
            interest,
          ),
      );
    const entry = options.rateLimiter
      ? await options.rateLimiter.run(res, 'interest', userRef, register)
      : await register();
    res.status(201).json(entry);
  });

  router.get('/onboarding', async (req, res) => {
    const credentials = await user(req);
    await require(credentials, peerDirectoryManagePermission);
    res.json({ items: await store.listOnboarding() });
  });

  router.post('/profiles/:id/status', async (req, res) => {
    const credentials = await user(req);
    await require(credentials, peerDirectoryManagePermission);
    const id = parseInput(
      z.object({ id: profileIdSchema }),
      req.params,
      'path',
    ).id;
    const change = parseInput(statusChangeSchema, req.body, 'body');
    const profile = await audited(
      auditor,
      req,
      {
        eventId: 'status-change',
        severityLevel: 'medium',
        meta: { profileId: id, status: change.status },
      },
      () => store.changeStatus(id, change, credentials.principal.userEntityRef),
    );
    await changed('status');
    res.json(profile);
  });

  router.post('/profiles/:id/training', async (req, res) => {
    const credentials = await user(req);
    await require(credentials, peerDirectoryManagePermission);
    const id = parseInput(
      z.object({ id: profileIdSchema }),
      req.params,
      'path',
    ).id;
    const training = parseInput(trainingSchema, req.body, 'body');
    const record = await audited(
      auditor,
      req,
      {
        eventId: 'training-record',
        severityLevel: 'low',
        meta: { profileId: id, kind: training.kind },
      },
      () =>
        store.addTraining(id, training, credentials.principal.userEntityRef),
    );
    res.status(201).json(record);
  });

  // For the search collator only (service credentials): public fields of
  // listed profiles, never lived experience, whatever the consent.
  router.get('/collator/documents', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['service'] });
    const { cursor } = parseInput(
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

  // For the personal-data service only (service credentials): consent
  // given or withdrawn since an instant, newest first, for the
  // coordinators' log of consent changes.
  router.get('/consent-changes', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['service'] });
    const query = parseInput(
      z
        .object({
          since: z.iso.datetime(),
          limit: z.coerce.number().int().min(1).max(100).default(50),
          cursor: z.string().max(500).optional(),
        })
        .strict(),
      req.query,
      'query',
    );
    res.json(await store.listConsentChanges(query));
  });

  router.get('/coverage', async (req, res) => {
    const credentials = await user(req);
    await require(credentials, peerDirectoryReadPermission);
    const { region } = parseInput(coverageQuerySchema, req.query, 'query');
    res.json(await store.coverage(region));
  });

  return router;
}
