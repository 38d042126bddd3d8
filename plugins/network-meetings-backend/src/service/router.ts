import {
  AuditorService,
  BackstageCredentials,
  BackstageUserPrincipal,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { EventsService } from '@backstage/plugin-events-node';
import { createPermissionIntegrationRouter } from '@backstage/plugin-permission-node';
import {
  ATTENDANCE_RECORDED_TOPIC,
  AUDIENCES,
  Audience,
  AttendanceRecordedEvent,
  attendanceSchema,
  factsQuerySchema,
  feedFileSchema,
  meetingCancelQuerySchema,
  meetingCreateSchema,
  meetingIdSchema,
  meetingPatchSchema,
  meetingQuerySchema,
  networkMeetingsAnswerPermissions,
  networkMeetingsManagePermission,
  networkMeetingsPermissions,
  networkMeetingsReadPermission,
  rsvpSchema,
} from '@internal/plugin-network-meetings-common';
import { createPersonalDataRouter } from '@internal/plugin-personal-data-node';
import {
  audited,
  parseInput,
  portalAccess,
} from '@internal/plugin-portal-node';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { DatabaseMeetingStore, Viewer } from '../database/DatabaseMeetingStore';
import { meetingsToIcs } from '../feeds/ics';
import { Notifier } from './Notifier';

export type RouterOptions = {
  store: DatabaseMeetingStore;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  events: EventsService;
  notifier: Notifier;
  /** Display names of users, for the organisers' list of attendees. */
  displayNamesOf: (userRefs: string[]) => Promise<Map<string, string>>;
  /** Where this plugin's API is reached from outside, for feed URLs. */
  externalBaseUrl: () => Promise<string>;
  /** The app's base URL, for links in calendar files. */
  appBaseUrl: string;
};

const idParams = z.object({ id: meetingIdSchema }).strict();

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { store, httpAuth, permissions, auditor, notifier } = options;
  const router = Router();
  router.use(express.json({ limit: '64kb' }));
  router.use(
    createPermissionIntegrationRouter({
      permissions: networkMeetingsPermissions,
    }),
  );
  // Export and erasure of a person's data, for the portal's personal-data
  // service (service credentials only).
  router.use(createPersonalDataRouter({ provider: store, httpAuth, auditor }));

  const { user, allowedEach, require } = portalAccess({
    httpAuth,
    permissions,
  });

  /** The caller, with the audiences whose meetings they may answer. */
  async function viewerOf(
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<Viewer> {
    const granted = await allowedEach(
      credentials,
      AUDIENCES.map(a => networkMeetingsAnswerPermissions[a]),
    );
    const audiences = new Set<Audience>(
      AUDIENCES.filter((_a, i) => granted[i]),
    );
    return { userRef: credentials.principal.userEntityRef, audiences };
  }

  const meetingId = (req: express.Request) =>
    parseInput(idParams, req.params, 'path').id;

  router.get('/meetings', async (req, res) => {
    const credentials = await user(req);
    await require(credentials, networkMeetingsReadPermission);
    const query = parseInput(meetingQuerySchema, req.query, 'query');
    res.json(await store.listMeetings(query, await viewerOf(credentials)));
  });

  router.post('/meetings', async (req, res) => {
    const credentials = await user(req);
    await require(credentials, networkMeetingsManagePermission);
    const input = parseInput(meetingCreateSchema, req.body, 'body');
    const viewer = await viewerOf(credentials);
    const meeting = await audited(
      auditor,
      req,
      {
        eventId: 'meeting-create',
        severityLevel: 'low',
        meta: {
          title: input.title,
          start: input.start,
          recurring: input.recurrence !== null,
        },
      },
      () => store.createMeeting(input, viewer.userRef, viewer),
    );
    res.status(201).json(meeting);
  });

  router.get('/meetings/:id', async (req, res) => {
    const credentials = await user(req);
    await require(credentials, networkMeetingsReadPermission);
    const id = meetingId(req);
    res.json(await store.getMeeting(id, await viewerOf(credentials)));
  });

  router.patch('/meetings/:id', async (req, res) => {
    const credentials = await user(req);
    await require(credentials, networkMeetingsManagePermission);
    const id = meetingId(req);
    const patch = parseInput(meetingPatchSchema, req.body, 'body');
    const viewer = await viewerOf(credentials);
    const result = await audited(
      auditor,
      req,
      {
        eventId: 'meeting-update',
        severityLevel: 'low',
        meta: { meetingId: id, fields: Object.keys(patch) },
      },
      () => store.updateMeeting(id, patch, viewer),
    );
    await notifier.promoted(result.promoted);
    await notifier.moved(result.moved);
    res.json(result.meeting);
  });

  router.delete('/meetings/:id', async (req, res) => {
    const credentials = await user(req);
    await require(credentials, networkMeetingsManagePermission);
    const id = meetingId(req);
    const { scope } = parseInput(meetingCancelQuerySchema, req.query, 'query');
    const notices = await audited(
      auditor,
      req,
      {
        eventId: 'meeting-cancel',
        severityLevel: 'medium',
        meta: { meetingId: id, scope },
      },
      () => store.cancelMeeting(id, scope),
    );
    await notifier.cancelled(notices);
    res.json({ cancelled: notices.map(n => n.meeting.id) });
  });

  router.put('/meetings/:id/rsvp', async (req, res) => {
    const credentials = await user(req);
    await require(credentials, networkMeetingsReadPermission);
    const id = meetingId(req);
    const request = parseInput(rsvpSchema, req.body, 'body');
    const viewer = await viewerOf(credentials);
    const result = await audited(
      auditor,
      req,
      {
        eventId: 'rsvp',
        severityLevel: 'low',
        meta: { meetingId: id, answer: request.answer },
      },
      () => store.answer(id, viewer, request),
    );
    await notifier.promoted(result.promoted);
    res.json({ meeting: result.meeting, rsvp: result.rsvp });
  });

  router.get('/meetings/:id/attendees', async (req, res) => {
    const credentials = await user(req);
    await require(credentials, networkMeetingsManagePermission);
    const id = meetingId(req);
    // Needs (diet, accessibility) are personal data: the read is audited.
    const items = await audited(
      auditor,
      req,
      {
        eventId: 'attendees-read',
        severityLevel: 'low',
        meta: { meetingId: id },
      },
      () => store.listAttendees(id),
    );
    const names = await options.displayNamesOf(items.map(i => i.userRef));
    res.json({
      items: items.map(i => ({
        ...i,
        displayName: names.get(i.userRef) ?? i.userRef,
      })),
    });
  });

  router.post('/meetings/:id/attendance', async (req, res) => {
    const credentials = await user(req);
    await require(credentials, networkMeetingsManagePermission);
    const id = meetingId(req);
    const request = parseInput(attendanceSchema, req.body, 'body');
    const fact = await audited(
      auditor,
      req,
      {
        eventId: 'attendance-record',
        severityLevel: 'low',
        meta: { meetingId: id, people: request.attendees.length },
      },
      () => store.recordAttendance(id, request),
    );
    const eventPayload: AttendanceRecordedEvent = fact;
    await options.events.publish({
      topic: ATTENDANCE_RECORDED_TOPIC,
      eventPayload,
    });
    res.json(fact);
  });

  router.get('/meetings/:id/ics', async (req, res) => {
    const credentials = await user(req);
    await require(credentials, networkMeetingsReadPermission);
    const id = meetingId(req);
    const meeting = await store.getMeeting(id, await viewerOf(credentials));
    res
      .type('text/calendar; charset=utf-8')
      .set('Content-Disposition', `attachment; filename="meeting-${id}.ics"`)
      .send(
        meetingsToIcs([meeting], {
          name: meeting.title,
          appBaseUrl: options.appBaseUrl,
        }),
      );
  });

  router.get('/feeds/me', async (req, res) => {
    const credentials = await user(req);
    await require(credentials, networkMeetingsReadPermission);
    res.json(await store.feedStatus(credentials.principal.userEntityRef));
  });

  router.post('/feeds/me', async (req, res) => {
    const credentials = await user(req);
    await require(credentials, networkMeetingsReadPermission);
    const userRef = credentials.principal.userEntityRef;
    const { token, createdAt } = await audited(
      auditor,
      req,
      { eventId: 'feed-create', severityLevel: 'medium', meta: { userRef } },
      () => store.createFeedToken(userRef),
    );
    const base = await options.externalBaseUrl();
    res.status(201).json({ url: `${base}/feeds/${token}.ics`, createdAt });
  });

  router.delete('/feeds/me', async (req, res) => {
    const credentials = await user(req);
    const userRef = credentials.principal.userEntityRef;
    await audited(
      auditor,
      req,
      { eventId: 'feed-revoke', severityLevel: 'medium', meta: { userRef } },
      () => store.revokeFeedToken(userRef),
    );
    res.status(204).end();
  });

  // A calendar app asks without signing in: the token in the address is
  // the credential (only its hash is stored; revoking deletes it).
  router.get('/feeds/:file', async (req, res) => {
    const file = parseInput(
      z.object({ file: feedFileSchema }).strict(),
      req.params,
      'path',
    ).file;
    const userRef = await store.userRefOfToken(file.slice(0, -4));
    if (!userRef) {
      throw new NotFoundError('No such calendar feed');
    }
    const meetings = await store.meetingsForFeed(userRef);
    res
      .type('text/calendar; charset=utf-8')
      .set('Cache-Control', 'private, max-age=300')
      .set('Referrer-Policy', 'no-referrer')
      .send(
        meetingsToIcs(meetings, {
          name: 'Mina nätverksträffar',
          appBaseUrl: options.appBaseUrl,
        }),
      );
  });

  // For the evaluation (service credentials only): attendance counts of
  // meetings held, without names, after a cursor.
  router.get('/facts', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['service'] });
    const query = parseInput(factsQuerySchema, req.query, 'query');
    res.json(await store.listFacts(query.after, query.limit));
  });

  return router;
}
