/*
 * THE ROUTE TABLE: every route of every portal plugin, what it reads (the
 * zod schema of -common and an arbitrary of valid values written beside
 * it), who sends it wrong input in the fuzz test, and the authorisation
 * matrix: the status each kind of caller gets for a valid request.
 *
 * Routes are enumerated from the plugins' express routers when the real
 * backend starts (harness/routes.ts): a route that is not in this table, or
 * a row for a route that no longer exists, fails routes.test.ts.
 *
 * Callers: `anonymous` (no token), `service` (a service token), each demo
 * role (its first user in catalog/org.yaml), and for routes on something a
 * person owns, `owner` (that person) and `other` (another user of the same
 * role). Statuses are those of the framework's error handler: 401 no or bad
 * token, 403 not allowed, 404 not there (or not visible), 409 wrong state.
 */
import fc from 'fast-check';
import * as assignments from '@internal/plugin-assignments-common';
import * as assignmentsArb from '@internal/plugin-assignments-common/testUtils';
import * as evaluation from '@internal/plugin-evaluation-common';
import * as evaluationArb from '@internal/plugin-evaluation-common/testUtils';
import * as meetings from '@internal/plugin-network-meetings-common';
import * as meetingsArb from '@internal/plugin-network-meetings-common/testUtils';
import * as directory from '@internal/plugin-peer-directory-common';
import * as directoryArb from '@internal/plugin-peer-directory-common/testUtils';
import * as personalData from '@internal/plugin-personal-data-common';
import { PORTAL_ROLES, PortalRole } from '@internal/plugin-portal-common';
import { userRefArb } from '@internal/plugin-portal-common/testUtils';
import { z } from 'zod';

export type Role = PortalRole;
export type Actor = 'anonymous' | 'service' | Role | 'owner' | 'other';

/** One part of a request that the fuzz test makes wrong. */
export type InputPart = {
  schema: z.ZodType;
  valid: fc.Arbitrary<unknown>;
};

export type RouteEntry = {
  /** Who sends the wrong input: a role (its first demo user) or the service token. */
  fuzzAs?: Role | 'service';
  /** Path parameters, body and query the route parses. */
  params?: Record<string, InputPart>;
  query?: InputPart;
  body?: InputPart;
  /** The body is CSV text rather than JSON. */
  csvBody?: boolean;
  /** Why the route is not fuzzed, when it is not. */
  noFuzz?: string;
  /** The authorisation matrix row. */
  access: Partial<Record<Actor, number>>;
  /** For `owner` and `other`: the role whose two users are compared. */
  ownerRole?: Role;
};

/**
 * Every signed-in role gets `status`; no token is a 401, and a token of the
 * wrong kind (a service's for a person's route) Backstage's 403.
 */
const signedIn = (status: number): Partial<Record<Actor, number>> => ({
  anonymous: 401,
  service: 403,
  ...Object.fromEntries(PORTAL_ROLES.map(r => [r, status])),
});

/** The given roles get `status`, other roles `denied`. */
const only = (
  roles: Role[],
  status: number,
  denied = 403,
): Partial<Record<Actor, number>> => ({
  anonymous: 401,
  service: 403,
  ...Object.fromEntries(
    PORTAL_ROLES.map(r => [r, roles.includes(r) ? status : denied]),
  ),
});

/** Service credentials only (other backend plugins): a person's token is a 403. */
const serviceOnly = (status = 200): Partial<Record<Actor, number>> => ({
  anonymous: 401,
  service: status,
  ...Object.fromEntries(PORTAL_ROLES.map(r => [r, 403])),
});

const part = (schema: z.ZodType, valid: fc.Arbitrary<unknown>): InputPart => ({
  schema,
  valid,
});

const userRefQuery = part(
  z
    .object({
      userRef: z
        .string()
        .max(300)
        .regex(/^user:/),
    })
    .strict(),
  fc.record({ userRef: userRefArb }),
);

const retentionBody = part(
  personalData.retentionBodySchema,
  fc.record({
    policy: fc.record({
      interestNotFollowedUpMonths: fc.integer({ min: 1, max: 1200 }),
      rsvpNeedsAfterMeetingDays: fc.integer({ min: 1, max: 36500 }),
      leftNetworkMonths: fc.integer({ min: 1, max: 1200 }),
      erasureRecordsMonths: fc.integer({ min: 1, max: 1200 }),
    }),
    now: fc.constantFrom('2026-11-23T10:00:00Z', '2027-06-01T00:00:00+02:00'),
  }),
);

/** Routes every plugin gets from Backstage and from personal-data-node. */
function frameworkRoutes(plugin: string): Record<string, RouteEntry> {
  return {
    [`GET /api/${plugin}/.well-known/backstage/permissions/metadata`]: {
      noFuzz: "Backstage's permission integration router",
      access: { ...signedIn(200), service: 200 },
    },
    [`POST /api/${plugin}/.well-known/backstage/permissions/apply-conditions`]:
      {
        noFuzz: "Backstage's permission integration router",
        access: { ...signedIn(400), service: 400 },
      },
  };
}

function personalDataRoutes(plugin: string): Record<string, RouteEntry> {
  return {
    [`GET /api/${plugin}/.personal-data/export`]: {
      fuzzAs: 'service',
      query: userRefQuery,
      access: serviceOnly(200),
    },
    [`POST /api/${plugin}/.personal-data/erase`]: {
      fuzzAs: 'service',
      query: userRefQuery,
      body: part(
        personalData.eraseBodySchema,
        fc.record(
          {
            pseudonym: fc.uuid().map(u => `user:erased/${u}`),
          },
          { requiredKeys: [] },
        ),
      ),
      access: serviceOnly(200),
    },
    [`POST /api/${plugin}/.personal-data/retention`]: {
      fuzzAs: 'service',
      body: retentionBody,
      access: serviceOnly(200),
    },
  };
}

function schedulerRoutes(plugin: string): Record<string, RouteEntry> {
  return {
    [`GET /api/${plugin}/.backstage/scheduler/v1/tasks`]: {
      noFuzz: "Backstage's scheduler",
      access: { ...signedIn(200), service: 200 },
    },
    [`POST /api/${plugin}/.backstage/scheduler/v1/tasks/:id/trigger`]: {
      noFuzz: "Backstage's scheduler",
      access: { ...signedIn(404), service: 404 },
    },
    [`POST /api/${plugin}/.backstage/scheduler/v1/tasks/:id/cancel`]: {
      noFuzz: "Backstage's scheduler",
      access: { ...signedIn(404), service: 404 },
    },
  };
}

const profileId = {
  id: part(directory.profileIdSchema, directoryArb.profileIdArb),
};
const assignmentId = {
  id: part(assignments.assignmentIdSchema, assignmentsArb.assignmentIdArb),
};
const erasureId = { id: part(z.uuid(), fc.uuid()) };
const meetingId = {
  id: part(meetings.meetingIdSchema, meetingsArb.meetingIdArb),
};

export const ROUTES: Record<string, RouteEntry> = {
  // --- peer directory -------------------------------------------------------
  ...frameworkRoutes('peer-directory'),
  ...personalDataRoutes('peer-directory'),
  'GET /api/peer-directory/profiles': {
    fuzzAs: 'coordinator',
    query: part(directory.profileQuerySchema, directoryArb.profileQueryArb),
    access: signedIn(200),
  },
  'GET /api/peer-directory/profiles/me': {
    noFuzz: 'takes no input',
    // Only people with a profile have one (the demo peers and peer supporters).
    access: {
      ...only(['peer', 'peer-supporter'], 200, 404),
      owner: 200,
      other: 200,
    },
    ownerRole: 'peer',
  },
  'PUT /api/peer-directory/profiles/me': {
    fuzzAs: 'peer',
    body: part(
      directory.ownProfileUpdateSchema,
      directoryArb.ownProfileUpdateArb,
    ),
    access: { ...only(['peer', 'peer-supporter'], 200, 404) },
  },
  'PUT /api/peer-directory/profiles/me/consent': {
    fuzzAs: 'peer',
    body: part(directory.consentUpdateSchema, directoryArb.consentUpdateArb),
    access: { ...only(['peer', 'peer-supporter'], 200, 404) },
  },
  'GET /api/peer-directory/profiles/:id': {
    fuzzAs: 'coordinator',
    params: profileId,
    access: signedIn(200),
  },
  'POST /api/peer-directory/interest': {
    fuzzAs: 'staff',
    body: part(directory.interestSchema, directoryArb.interestArb),
    // Peers and peer supporters are in the network already.
    access: { ...signedIn(201), peer: 409, 'peer-supporter': 409 },
  },
  'GET /api/peer-directory/onboarding': {
    noFuzz: 'takes no input',
    access: only(['coordinator'], 200),
  },
  'POST /api/peer-directory/profiles/:id/status': {
    fuzzAs: 'coordinator',
    params: profileId,
    body: part(directory.statusChangeSchema, directoryArb.statusChangeArb),
    access: only(['coordinator'], 200),
  },
  'POST /api/peer-directory/profiles/:id/training': {
    fuzzAs: 'coordinator',
    params: profileId,
    body: part(directory.trainingSchema, directoryArb.trainingArb),
    access: only(['coordinator'], 201),
  },
  'GET /api/peer-directory/collator/documents': {
    fuzzAs: 'service',
    query: part(
      z.object({ cursor: z.string().max(500).optional() }).strict(),
      fc.record({}),
    ),
    access: serviceOnly(200),
  },
  'GET /api/peer-directory/consent-changes': {
    fuzzAs: 'service',
    query: part(
      z
        .object({
          since: z.iso.datetime(),
          limit: z.coerce.number().int().min(1).max(100).default(50),
          cursor: z.string().max(500).optional(),
        })
        .strict(),
      fc.record(
        {
          since: fc.constant('2026-01-01T00:00:00Z'),
          limit: fc.integer({ min: 1, max: 100 }).map(String),
        },
        { requiredKeys: ['since'] },
      ),
    ),
    access: serviceOnly(200),
  },
  'GET /api/peer-directory/coverage': {
    fuzzAs: 'staff',
    query: part(directory.coverageQuerySchema, directoryArb.coverageQueryArb),
    access: signedIn(200),
  },

  // --- assignment board ---------------------------------------------------
  ...frameworkRoutes('assignments'),
  ...personalDataRoutes('assignments'),
  'GET /api/assignments/summary': {
    noFuzz: 'takes no input',
    access: { ...signedIn(200), service: 200 },
  },
  'GET /api/assignments/assignments': {
    fuzzAs: 'coordinator',
    query: part(
      assignments.assignmentQuerySchema,
      assignmentsArb.assignmentQueryArb,
    ),
    access: signedIn(200),
  },
  'POST /api/assignments/assignments': {
    fuzzAs: 'coordinator',
    body: part(assignments.bookingSchema, assignmentsArb.bookingArb),
    access: only(
      ['staff', 'team-leader', 'coordinator', 'peer-supporter', 'manager'],
      201,
    ),
  },
  'GET /api/assignments/assignments/:id': {
    fuzzAs: 'coordinator',
    params: assignmentId,
    // A request that is not yet published: the unit that booked it and the
    // coordinators see it; for anyone else it does not exist.
    access: {
      ...only(['coordinator'], 200, 404),
      staff: 200,
      owner: 200,
      other: 404,
    },
    ownerRole: 'staff',
  },
  'PATCH /api/assignments/assignments/:id': {
    fuzzAs: 'coordinator',
    params: assignmentId,
    body: part(
      assignments.bookingUpdateSchema,
      assignmentsArb.bookingUpdateArb,
    ),
    access: {
      ...only(['coordinator'], 200, 404),
      staff: 200,
      owner: 200,
      other: 404,
    },
    ownerRole: 'staff',
  },
  'POST /api/assignments/assignments/:id/interest': {
    fuzzAs: 'peer',
    params: assignmentId,
    body: part(
      assignments.interestRequestSchema,
      assignmentsArb.interestRequestArb,
    ),
    access: only(['peer'], 201),
  },
  'DELETE /api/assignments/assignments/:id/interest': {
    fuzzAs: 'peer',
    params: assignmentId,
    // Withdraws one's own interest only: another peer's stays (checked).
    access: { ...signedIn(204), owner: 204, other: 204 },
    ownerRole: 'peer',
  },
  'POST /api/assignments/assignments/:id/selection': {
    fuzzAs: 'coordinator',
    params: assignmentId,
    body: part(assignments.selectionSchema, assignmentsArb.selectionArb),
    access: only(['coordinator'], 200),
  },
  'POST /api/assignments/assignments/:id/transitions': {
    fuzzAs: 'coordinator',
    params: assignmentId,
    body: part(assignments.transitionSchema, assignmentsArb.transitionArb),
    // Publishing a request: coordinators only; the unit that booked it
    // sees it but may not publish it; others do not see it.
    access: { ...only(['coordinator'], 200, 404), staff: 403 },
  },
  'POST /api/assignments/assignments/:id/feedback': {
    fuzzAs: 'peer',
    params: assignmentId,
    body: part(assignments.feedbackSchema, assignmentsArb.feedbackArb),
    // A completed assignment booked by a team leader's unit, for which the
    // first peer was selected: she and the unit give feedback; another peer,
    // coordinators and the rest may not.
    access: {
      ...only(['peer', 'team-leader'], 201, 403),
      owner: 201,
      other: 403,
    },
    ownerRole: 'peer',
  },
  'GET /api/assignments/honoraria': {
    fuzzAs: 'coordinator',
    query: part(
      assignments.honorariumQuerySchema,
      assignmentsArb.honorariumQueryArb,
    ),
    access: only(['coordinator'], 200),
  },
  'GET /api/assignments/honoraria/exports': {
    noFuzz: 'takes no input',
    access: only(['coordinator'], 200),
  },
  'GET /api/assignments/honoraria/export.csv': {
    fuzzAs: 'coordinator',
    query: part(assignments.exportQuerySchema, assignmentsArb.exportQueryArb),
    access: only(['coordinator'], 200),
  },
  'GET /api/assignments/facts': {
    fuzzAs: 'service',
    query: part(assignments.factQuerySchema, assignmentsArb.factQueryArb),
    access: serviceOnly(200),
  },

  // --- network meeting calendar --------------------------------------------
  ...frameworkRoutes('network-meetings'),
  ...personalDataRoutes('network-meetings'),
  ...schedulerRoutes('network-meetings'),
  'GET /api/network-meetings/meetings': {
    fuzzAs: 'staff',
    query: part(meetings.meetingQuerySchema, meetingsArb.meetingQueryArb),
    access: signedIn(200),
  },
  'POST /api/network-meetings/meetings': {
    fuzzAs: 'coordinator',
    body: part(meetings.meetingCreateSchema, meetingsArb.meetingCreateArb),
    access: only(['coordinator'], 201),
  },
  'GET /api/network-meetings/meetings/:id': {
    fuzzAs: 'staff',
    params: meetingId,
    access: signedIn(200),
  },
  'PATCH /api/network-meetings/meetings/:id': {
    fuzzAs: 'coordinator',
    params: meetingId,
    body: part(meetings.meetingPatchSchema, meetingsArb.meetingPatchArb),
    access: only(['coordinator'], 200),
  },
  'DELETE /api/network-meetings/meetings/:id': {
    fuzzAs: 'coordinator',
    params: meetingId,
    query: part(
      meetings.meetingCancelQuerySchema,
      meetingsArb.meetingCancelQueryArb,
    ),
    access: only(['coordinator'], 200),
  },
  'PUT /api/network-meetings/meetings/:id/rsvp': {
    fuzzAs: 'peer',
    params: meetingId,
    body: part(meetings.rsvpSchema, meetingsArb.rsvpArb),
    // A meeting for everyone: each answers for themselves (another peer's
    // answer stays as it was: checked).
    access: { ...signedIn(200), owner: 200, other: 200 },
    ownerRole: 'peer',
  },
  'GET /api/network-meetings/meetings/:id/attendees': {
    fuzzAs: 'coordinator',
    params: meetingId,
    access: only(['coordinator'], 200),
  },
  'POST /api/network-meetings/meetings/:id/attendance': {
    fuzzAs: 'coordinator',
    params: meetingId,
    body: part(meetings.attendanceSchema, meetingsArb.attendanceArb),
    access: only(['coordinator'], 200),
  },
  'GET /api/network-meetings/meetings/:id/ics': {
    fuzzAs: 'staff',
    params: meetingId,
    access: signedIn(200),
  },
  'GET /api/network-meetings/feeds/me': {
    noFuzz: 'takes no input',
    access: signedIn(200),
  },
  'POST /api/network-meetings/feeds/me': {
    noFuzz: 'takes no input',
    access: signedIn(201),
  },
  'DELETE /api/network-meetings/feeds/me': {
    noFuzz: 'takes no input',
    access: signedIn(204),
  },
  'GET /api/network-meetings/feeds/:file': {
    fuzzAs: 'service',
    params: { file: part(meetings.feedFileSchema, meetingsArb.feedFileArb) },
    // The token in the address is the credential: the owner's own feed
    // works for anyone holding the address (even without signing in); a
    // wrong or revoked token gets nothing (checked separately).
    access: {
      anonymous: 200,
      service: 200,
      ...Object.fromEntries(PORTAL_ROLES.map(r => [r, 200])),
    },
  },
  'GET /api/network-meetings/facts': {
    fuzzAs: 'service',
    query: part(meetings.factsQuerySchema, meetingsArb.factsQueryArb),
    access: serviceOnly(200),
  },

  // --- evaluation ---------------------------------------------------------
  ...frameworkRoutes('evaluation'),
  ...personalDataRoutes('evaluation'),
  ...schedulerRoutes('evaluation'),
  'GET /api/evaluation/me': {
    noFuzz: 'takes no input',
    access: signedIn(200),
  },
  'GET /api/evaluation/metrics': {
    fuzzAs: 'manager',
    query: part(evaluation.metricsQuerySchema, evaluationArb.metricsQueryArb),
    access: only(
      ['manager', 'coordinator', 'team-leader', 'peer', 'peer-supporter'],
      200,
    ),
  },
  'GET /api/evaluation/export.csv': {
    fuzzAs: 'manager',
    query: part(evaluation.metricsQuerySchema, evaluationArb.metricsQueryArb),
    access: only(
      ['manager', 'coordinator', 'team-leader', 'peer', 'peer-supporter'],
      200,
    ),
  },
  'GET /api/evaluation/filters': {
    noFuzz: 'takes no input',
    access: only(
      ['manager', 'coordinator', 'team-leader', 'peer', 'peer-supporter'],
      200,
    ),
  },
  'POST /api/evaluation/support-sessions': {
    fuzzAs: 'peer-supporter',
    body: part(
      evaluation.supportSessionSchema,
      evaluationArb.supportSessionArb,
    ),
    access: only(['peer-supporter'], 201),
  },
  'GET /api/evaluation/support-sessions/mine': {
    fuzzAs: 'peer-supporter',
    query: part(
      evaluation.ownSessionsQuerySchema,
      evaluationArb.ownSessionsQueryArb,
    ),
    access: only(['peer-supporter'], 200),
  },
  'GET /api/evaluation/outcomes': {
    fuzzAs: 'manager',
    query: part(evaluation.outcomeQuerySchema, evaluationArb.outcomeQueryArb),
    access: only(['manager', 'coordinator', 'team-leader'], 200),
  },
  'POST /api/evaluation/outcomes': {
    fuzzAs: 'manager',
    body: part(evaluation.outcomeInputSchema, evaluationArb.outcomeInputArb),
    access: only(['manager', 'coordinator'], 201),
  },
  'POST /api/evaluation/outcomes/import': {
    fuzzAs: 'manager',
    csvBody: true,
    access: only(['manager', 'coordinator'], 200),
  },

  // --- personal data (export, erasure, retention) ----------------------------
  ...frameworkRoutes('personal-data'),
  ...schedulerRoutes('personal-data'),
  'GET /api/personal-data/me': {
    noFuzz: 'takes no input',
    access: signedIn(200),
  },
  'GET /api/personal-data/me/export': {
    noFuzz: 'takes no input',
    access: signedIn(200),
  },
  'POST /api/personal-data/me/erasure-requests': {
    fuzzAs: 'staff',
    body: part(personalData.emptyBodySchema, fc.constant({})),
    access: signedIn(201),
  },
  // An id that is none of the caller's requests: not found for everybody
  // (another person's request is not found either: router tests).
  'POST /api/personal-data/me/erasure-requests/:id/withdraw': {
    fuzzAs: 'staff',
    params: erasureId,
    body: part(personalData.emptyBodySchema, fc.constant({})),
    access: signedIn(404),
  },
  'GET /api/personal-data/erasure-requests': {
    fuzzAs: 'coordinator',
    query: part(
      personalData.erasureRequestQuerySchema,
      fc.record(
        {
          status: fc.constantFrom(...personalData.ERASURE_STATUSES),
          months: fc.integer({ min: 1, max: 24 }).map(String),
          limit: fc.integer({ min: 1, max: 100 }).map(String),
        },
        { requiredKeys: [] },
      ),
    ),
    access: only(['coordinator'], 200),
  },
  // An id that is no request: coordinators learn it is not there, others
  // may not ask.
  'GET /api/personal-data/erasure-requests/:id': {
    fuzzAs: 'coordinator',
    params: erasureId,
    access: only(['coordinator'], 404),
  },
  'POST /api/personal-data/erasure-requests/:id/confirm': {
    fuzzAs: 'coordinator',
    params: erasureId,
    body: part(personalData.emptyBodySchema, fc.constant({})),
    access: only(['coordinator'], 404),
  },
  'POST /api/personal-data/erasure-requests/:id/reject': {
    fuzzAs: 'coordinator',
    params: erasureId,
    body: part(
      personalData.erasureRejectSchema,
      fc.record({ reason: fc.constantFrom('Fel person', 'Redan raderad') }),
    ),
    access: only(['coordinator'], 404),
  },
  'POST /api/personal-data/erasure-requests/:id/run': {
    fuzzAs: 'coordinator',
    params: erasureId,
    body: part(personalData.emptyBodySchema, fc.constant({})),
    access: only(['coordinator'], 404),
  },
  'GET /api/personal-data/consent-changes': {
    fuzzAs: 'coordinator',
    query: part(
      personalData.consentChangeQuerySchema,
      fc.record(
        {
          months: fc.integer({ min: 1, max: 24 }).map(String),
          limit: fc.integer({ min: 1, max: 100 }).map(String),
        },
        { requiredKeys: [] },
      ),
    ),
    access: only(['coordinator'], 200),
  },
  'GET /api/personal-data/retention/runs': {
    noFuzz: 'takes no input',
    access: only(['coordinator'], 200),
  },
  'POST /api/personal-data/retention/runs': {
    fuzzAs: 'coordinator',
    body: part(personalData.emptyBodySchema, fc.constant({})),
    access: only(['coordinator'], 201),
  },
};
