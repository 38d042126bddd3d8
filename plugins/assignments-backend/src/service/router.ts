import {
  AuditorService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { BasicPermission } from '@backstage/plugin-permission-common';
import { createPermissionIntegrationRouter } from '@backstage/plugin-permission-node';
import {
  AssignmentFact,
  assignmentCreatePermission,
  assignmentIdSchema,
  assignmentInterestPermission,
  assignmentManagePermission,
  assignmentPermissions,
  assignmentPublishOwnPermission,
  assignmentQuerySchema,
  assignmentReadPermission,
  bookingSchema,
  bookingUpdateSchema,
  exportQuerySchema,
  factQuerySchema,
  feedbackSchema,
  honorariumExportPermission,
  honorariumQuerySchema,
  interestRequestSchema,
  selectionSchema,
  transitionSchema,
} from '@internal/plugin-assignments-common';
import { createPersonalDataRouter } from '@internal/plugin-personal-data-node';
import {
  audited,
  groupNames,
  parseInput,
  portalAccess,
  RateLimiter,
} from '@internal/plugin-portal-node';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import {
  Caller,
  DatabaseAssignmentStore,
} from '../database/DatabaseAssignmentStore';
import { DirectoryClient } from './directory';
import { payrollCsv } from './payrollCsv';

/** Sends a notification to people or groups (Backstage notifications). */
export type Notify = (notification: {
  entityRefs: string[];
  title: string;
  description: string;
  link: string;
  severity?: 'normal' | 'high';
}) => Promise<void>;

export type RouterOptions = {
  store: DatabaseAssignmentStore;
  httpAuth: HttpAuthService;
  userInfo: UserInfoService;
  permissions: PermissionsService;
  auditor: AuditorService;
  logger: LoggerService;
  directory: DirectoryClient;
  /** Display name of a user, from the catalog. */
  displayNameOf: (userRef: string) => Promise<string>;
  /** The region a unit belongs to, or undefined if it is not a unit. */
  regionOfUnit: (unit: string) => Promise<string | undefined>;
  notify: Notify;
  /** Publishes facts for the evaluation dashboards on the events service. */
  publishFacts: (facts: AssignmentFact[]) => Promise<void>;
  /** Per-person limit on the booking form (bucket `booking`); none if absent. */
  rateLimiter?: RateLimiter;
};

const idParams = z.object({ id: assignmentIdSchema }).strict();

/**
 * The decisions every route of the board asks for its caller, in the order
 * `caller()` reads them (the benchmark's framework floor asks the same).
 */
export const CALLER_PERMISSIONS = [
  assignmentReadPermission,
  assignmentManagePermission,
  assignmentInterestPermission,
  assignmentCreatePermission,
  assignmentPublishOwnPermission,
  honorariumExportPermission,
];

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { store, httpAuth, userInfo, permissions, auditor, logger } = options;
  const router = Router();
  router.use(express.json({ limit: '64kb' }));
  router.use(
    createPermissionIntegrationRouter({ permissions: assignmentPermissions }),
  );
  router.use(createPersonalDataRouter({ provider: store, httpAuth, auditor }));

  const access = portalAccess({ httpAuth, permissions });

  async function caller(req: express.Request) {
    const credentials = await access.user(req);
    const [read, manage, interest, create, publishOwn, exportPay] =
      await access.allowedEach(credentials, CALLER_PERMISSIONS);
    if (!read) {
      throw new NotAllowedError(
        `Not allowed: ${assignmentReadPermission.name}`,
      );
    }
    const info = await userInfo.getUserInfo(credentials);
    const groups = groupNames(info.ownershipEntityRefs);
    const who: Caller = {
      userRef: credentials.principal.userEntityRef,
      groups,
      canManage: manage,
      canInterest: interest,
    };
    return {
      credentials,
      who,
      canCreate: create,
      canPublishOwn: publishOwn,
      canExport: exportPay,
    };
  }

  function require(allowed: boolean, permission: BasicPermission) {
    if (!allowed) {
      throw new NotAllowedError(`Not allowed: ${permission.name}`);
    }
  }

  const after = (facts: AssignmentFact[]) =>
    options
      .publishFacts(facts)
      .catch(error =>
        logger.warn(`Could not publish assignment facts: ${error}`),
      );
  const notify: Notify = n =>
    options
      .notify(n)
      .catch(error => logger.warn(`Could not send a notification: ${error}`));
  const link = (id: string) => `/assignments/${id}`;

  router.get('/summary', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json({ open: await store.countOpen() });
  });

  router.get('/assignments', async (req, res) => {
    const { credentials, who } = await caller(req);
    const query = parseInput(assignmentQuerySchema, req.query, 'query');
    const profile =
      query.sort === 'suits-me'
        ? await options.directory.ownProfile(credentials)
        : undefined;
    res.json(await store.list(query, who, profile));
  });

  router.post('/assignments', async (req, res) => {
    const { who, canCreate, canPublishOwn } = await caller(req);
    require(canCreate, assignmentCreatePermission);
    const booking = parseInput(bookingSchema, req.body, 'body');
    const region = await options.regionOfUnit(booking.unit);
    if (!region) {
      throw new InputError('Invalid body: unit: is not a unit of the catalog');
    }
    const create = () =>
      audited(
        auditor,
        req,
        {
          eventId: 'assignment-create',
          severityLevel: 'low',
          meta: { unit: booking.unit, publish: canPublishOwn },
        },
        () =>
          store.create(booking, {
            createdBy: who.userRef,
            region,
            publish: canPublishOwn,
          }),
      );
    const id = options.rateLimiter
      ? await options.rateLimiter.run(res, 'booking', who.userRef, create)
      : await create();
    if (!canPublishOwn) {
      // Tell the coordinators that a request waits for review.
      await notify({
        entityRefs: ['group:default/coordinator'],
        title: `Ny uppdragsförfrågan: ${booking.title}`,
        description: `${booking.unit} vill boka en peer. Granska förfrågan.`,
        link: link(id),
      });
    }
    res.status(201).json(await store.get(id, who));
  });

  router.get('/assignments/:id', async (req, res) => {
    const { credentials, who } = await caller(req);
    const { id } = parseInput(idParams, req.params, 'path');
    const details = await store.get(id, who);
    if (who.canManage && details.interests.length) {
      const profiles = await options.directory.profiles(
        details.interests.map(i => i.userRef),
        credentials,
      );
      for (const interest of details.interests) {
        interest.profile = profiles.get(interest.userRef);
      }
    }
    res.json(details);
  });

  router.patch('/assignments/:id', async (req, res) => {
    const { who } = await caller(req);
    const { id } = parseInput(idParams, req.params, 'path');
    const update = parseInput(bookingUpdateSchema, req.body, 'body');
    let region: string | undefined;
    if (update.unit) {
      region = await options.regionOfUnit(update.unit);
      if (!region) {
        throw new InputError(
          'Invalid body: unit: is not a unit of the catalog',
        );
      }
    }
    await audited(
      auditor,
      req,
      {
        eventId: 'assignment-update',
        severityLevel: 'low',
        meta: { id, fields: Object.keys(update) },
      },
      () => store.update(id, update, who, region),
    );
    res.json(await store.get(id, who));
  });

  router.post('/assignments/:id/interest', async (req, res) => {
    const { who } = await caller(req);
    require(who.canInterest, assignmentInterestPermission);
    const { id } = parseInput(idParams, req.params, 'path');
    const { message } = parseInput(interestRequestSchema, req.body, 'body');
    const name = await options.displayNameOf(who.userRef);
    await audited(
      auditor,
      req,
      { eventId: 'interest-show', severityLevel: 'low', meta: { id } },
      () => store.showInterest(id, who, name, message),
    );
    res.status(201).json(await store.get(id, who));
  });

  router.delete('/assignments/:id/interest', async (req, res) => {
    const { who } = await caller(req);
    const { id } = parseInput(idParams, req.params, 'path');
    await audited(
      auditor,
      req,
      { eventId: 'interest-withdraw', severityLevel: 'low', meta: { id } },
      () => store.withdrawInterest(id, who),
    );
    res.status(204).end();
  });

  router.post('/assignments/:id/selection', async (req, res) => {
    const { who } = await caller(req);
    require(who.canManage, assignmentManagePermission);
    const { id } = parseInput(idParams, req.params, 'path');
    const { userRef } = parseInput(selectionSchema, req.body, 'body');
    const result = await audited(
      auditor,
      req,
      {
        eventId: 'peer-select',
        severityLevel: 'medium',
        meta: { id, userRef },
      },
      () => store.select(id, userRef, who),
    );
    await notify({
      entityRefs: [userRef],
      title: `Du är vald till uppdraget ${result.title}`,
      description: 'Samordnaren har valt dig. Se tider och kontaktperson.',
      link: link(id),
      severity: 'high',
    });
    if (result.staffed) {
      await notify({
        entityRefs: [`group:default/${result.unit}`],
        title: `Uppdraget ${result.title} är bemannat`,
        description: 'Alla peers som ni bad om är valda.',
        link: link(id),
      });
    }
    res.json(await store.get(id, who));
  });

  router.post('/assignments/:id/transitions', async (req, res) => {
    const { who } = await caller(req);
    const { id } = parseInput(idParams, req.params, 'path');
    const transition = parseInput(transitionSchema, req.body, 'body');
    const result = await audited(
      auditor,
      req,
      {
        eventId: 'assignment-transition',
        severityLevel: transition.action === 'approve' ? 'medium' : 'low',
        meta: { id, action: transition.action },
      },
      () => store.transition(id, transition, who),
    );
    await after(result.facts);
    const title = result.row.title;
    if (['publish', 'request-changes', 'decline'].includes(transition.action)) {
      const text = {
        publish: ['är publicerat', 'Peers kan nu visa intresse.'],
        'request-changes': [
          'behöver ändras',
          'reason' in transition ? transition.reason : '',
        ],
        decline: ['avböjdes', 'reason' in transition ? transition.reason : ''],
      }[transition.action as 'publish' | 'request-changes' | 'decline'];
      await notify({
        entityRefs: [result.row.createdBy],
        title: `Uppdraget ${title} ${text[0]}`,
        description: text[1],
        link: link(id),
      });
    }
    if (transition.action === 'cancel') {
      const peers = await store.selectedPeers(id);
      if (peers.length) {
        await notify({
          entityRefs: peers,
          title: `Uppdraget ${title} är inställt`,
          description: transition.reason,
          link: link(id),
          severity: 'high',
        });
      }
    }
    res.json(await store.get(id, who));
  });

  router.post('/assignments/:id/feedback', async (req, res) => {
    const { who } = await caller(req);
    const { id } = parseInput(idParams, req.params, 'path');
    const feedback = parseInput(feedbackSchema, req.body, 'body');
    const facts = await audited(
      auditor,
      req,
      { eventId: 'feedback-give', severityLevel: 'low', meta: { id } },
      () => store.giveFeedback(id, feedback, who),
    );
    await after(facts);
    res.status(201).json(await store.get(id, who));
  });

  router.get('/honoraria', async (req, res) => {
    const { who, canExport } = await caller(req);
    require(who.canManage || canExport, assignmentManagePermission);
    const query = parseInput(honorariumQuerySchema, req.query, 'query');
    res.json(await store.listHonoraria(query));
  });

  router.get('/honoraria/exports', async (req, res) => {
    const { canExport } = await caller(req);
    require(canExport, honorariumExportPermission);
    res.json(await store.listExports());
  });

  router.get('/honoraria/export.csv', async (req, res) => {
    const { who, canExport } = await caller(req);
    require(canExport, honorariumExportPermission);
    const query = parseInput(exportQuerySchema, req.query, 'query');
    const { batch, items } = await audited(
      auditor,
      req,
      {
        eventId: 'payroll-export',
        severityLevel: 'high',
        meta: { ...query },
      },
      () =>
        'batch' in query
          ? store.getExport(query.batch)
          : store.exportHonoraria(query, who.userRef),
    );
    const name = `arvoden-${batch.from}-${batch.to}.csv`;
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    res.setHeader('X-Export-Batch', batch.id);
    res.setHeader('X-Export-Count', String(batch.count));
    res.setHeader('Cache-Control', 'no-store');
    res.send(payrollCsv(items));
  });

  // Facts for the evaluation dashboards: other plugins only.
  router.get('/facts', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['service'] });
    const { after: from, limit } = parseInput(
      factQuerySchema,
      req.query,
      'query',
    );
    res.json(await store.listFacts(from, limit));
  });

  return router;
}
