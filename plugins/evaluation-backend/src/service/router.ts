import {
  AuditorService,
  HttpAuthService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { BasicPermission } from '@backstage/plugin-permission-common';
import { createPermissionIntegrationRouter } from '@backstage/plugin-permission-node';
import {
  EvaluationCapabilities,
  ImportReport,
  MetricsQuery,
  OutcomeInput,
  evaluationOutcomeManagePermission,
  evaluationPermissions,
  evaluationReadAllPermission,
  evaluationReadOwnPermission,
  evaluationReadUnitsPermission,
  evaluationSessionCreatePermission,
  exportQuerySchema,
  metricsQuerySchema,
  outcomeInputSchema,
  outcomeQuerySchema,
  ownSessionsQuerySchema,
  supportSessionSchema,
} from '@internal/plugin-evaluation-common';
import { assignmentTypeTitle } from '@internal/plugin-assignments-common';
import { PORTAL_ROLES } from '@internal/plugin-portal-common';
import {
  audited,
  groupNames,
  parseInput,
  portalAccess,
} from '@internal/plugin-portal-node';
import express from 'express';
import Router from 'express-promise-router';
import {
  DatabaseEvaluationStore,
  ResolvedMetricsQuery,
  Scope,
} from '../database/DatabaseEvaluationStore';
import { addMonths } from '../database/time';
import { metricsCsv } from './exportCsv';
import { parseOutcomeCsv } from './outcomeCsv';
import { Units } from './units';

export type RouterOptions = {
  store: DatabaseEvaluationStore;
  httpAuth: HttpAuthService;
  userInfo: UserInfoService;
  permissions: PermissionsService;
  auditor: AuditorService;
  /** The catalog's units: their regions, and the units of a person's groups. */
  units: Units;
};

const ROLE_NAMES = new Set<string>(PORTAL_ROLES);

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { store, httpAuth, userInfo, permissions, auditor, units } = options;
  const router = Router();
  router.use(express.json({ limit: '64kb' }));
  router.use(
    createPermissionIntegrationRouter({ permissions: evaluationPermissions }),
  );

  const access = portalAccess({ httpAuth, permissions });

  /** Who is asking, what they may see and do. */
  async function caller(req: express.Request) {
    const credentials = await access.user(req);
    const [all, unitsOnly, own, logSessions, manageOutcomes] =
      await access.allowedEach(credentials, [
        evaluationReadAllPermission,
        evaluationReadUnitsPermission,
        evaluationReadOwnPermission,
        evaluationSessionCreatePermission,
        evaluationOutcomeManagePermission,
      ]);
    const userRef = credentials.principal.userEntityRef;
    // The caller's units: the units among their catalog groups, and every
    // unit of a region group they belong to.
    const info = await userInfo.getUserInfo(credentials);
    const myUnits = await units.unitsOf(
      groupNames(info.ownershipEntityRefs).filter(
        name => !ROLE_NAMES.has(name),
      ),
    );
    let scope: Scope | undefined;
    if (all) {
      scope = { kind: 'all' };
    } else if (unitsOnly) {
      scope = { kind: 'units', units: myUnits };
    } else if (own) {
      scope = { kind: 'own', userRef };
    }
    return {
      credentials,
      userRef,
      scope,
      myUnits,
      logSessions,
      manageOutcomes,
    };
  }

  function denied(permission: BasicPermission): never {
    throw new NotAllowedError(`Not allowed: ${permission.name}`);
  }

  /** 403 unless the unit, when one is named, is one of these. */
  function requireOneOf(yours: string[], unit: string | undefined) {
    if (unit && !yours.includes(unit)) {
      throw new NotAllowedError(
        `Not allowed: unit ${unit} is not one of your units`,
      );
    }
  }

  /** The caller's scope for reading, or 403. */
  async function readScope(req: express.Request) {
    const who = await caller(req);
    if (!who.scope) denied(evaluationReadOwnPermission);
    return { ...who, scope: who.scope };
  }

  /** The query with its period filled in, checked against the scope. */
  function resolve(query: MetricsQuery, scope: Scope): ResolvedMetricsQuery {
    if (scope.kind === 'units') requireOneOf(scope.units, query.unit);
    const to = query.to ?? store.currentMonth();
    const from = query.from ?? addMonths(to, -11);
    return {
      from,
      to,
      groupBy: query.groupBy,
      region: query.region,
      unit: query.unit,
      type: query.type,
    };
  }

  async function unitRegion(unit: string, field = 'unit') {
    const region = await units.regionOf(unit);
    if (!region) {
      throw new InputError(
        `Invalid body: ${field}: is not a unit in the catalog`,
      );
    }
    return region;
  }

  router.get('/me', async (req, res) => {
    const who = await caller(req);
    const body: EvaluationCapabilities = {
      scope: who.scope?.kind ?? null,
      units: who.myUnits,
      canLogSessions: who.logSessions,
      canManageOutcomes: who.manageOutcomes,
    };
    res.json(body);
  });

  router.get('/metrics', async (req, res) => {
    const query = parseInput(metricsQuerySchema, req.query, 'query');
    const { scope } = await readScope(req);
    res.setHeader('Cache-Control', 'no-store');
    res.json(await store.metrics(resolve(query, scope), scope));
  });

  router.get('/export.csv', async (req, res) => {
    const { lang, ...query } = parseInput(
      exportQuerySchema,
      req.query,
      'query',
    );
    const { scope } = await readScope(req);
    const resolved = resolve(query, scope);
    const csv = await audited(
      auditor,
      req,
      {
        eventId: 'evaluation-export',
        severityLevel: 'low',
        meta: { ...resolved, scope: scope.kind },
      },
      async () => {
        const metrics = await store.metrics(resolved, scope);
        // Groups named as the dashboard names them.
        const labels = new Map<string, string>();
        for (const { key } of metrics.groups) {
          if (resolved.groupBy === 'unit' || resolved.groupBy === 'region') {
            labels.set(key, await units.titleOf(key));
          } else if (resolved.groupBy === 'type') {
            labels.set(key, assignmentTypeTitle(key, lang));
          }
        }
        return metricsCsv(metrics, {
          lang,
          label: key => labels.get(key) ?? key,
        });
      },
    );
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${lang === 'en' ? 'evaluation' : 'utvardering'}-${
        resolved.from
      }-${resolved.to}-${resolved.groupBy}.csv"`,
    );
    res.setHeader('Cache-Control', 'no-store');
    res.send(csv);
  });

  router.get('/filters', async (req, res) => {
    const { scope } = await readScope(req);
    res.json(await store.filterOptions(scope));
  });

  router.post('/support-sessions', async (req, res) => {
    const input = parseInput(supportSessionSchema, req.body, 'body');
    const who = await caller(req);
    if (!who.logSessions) denied(evaluationSessionCreatePermission);
    if (input.date > store.today()) {
      throw new InputError('Invalid body: date: must not be in the future');
    }
    const region = await unitRegion(input.unit);
    // A peer supporter logs the sessions of the units they work in.
    requireOneOf(who.myUnits, input.unit);
    const session = await audited(
      auditor,
      req,
      {
        eventId: 'evaluation-session-create',
        severityLevel: 'low',
        meta: { unit: input.unit, date: input.date },
      },
      () => store.addSupportSession(input, who.userRef, region),
    );
    res.status(201).json(session);
  });

  router.get('/support-sessions/mine', async (req, res) => {
    const { limit } = parseInput(ownSessionsQuerySchema, req.query, 'query');
    const who = await caller(req);
    if (!who.logSessions) denied(evaluationSessionCreatePermission);
    res.json({ items: await store.ownSessions(who.userRef, limit) });
  });

  router.get('/outcomes', async (req, res) => {
    const query = parseInput(outcomeQuerySchema, req.query, 'query');
    const { scope } = await readScope(req);
    if (scope.kind === 'own') denied(evaluationReadUnitsPermission);
    if (scope.kind === 'units') requireOneOf(scope.units, query.unit);
    res.json(await store.listOutcomes(query, scope));
  });

  router.post('/outcomes', async (req, res) => {
    const input = parseInput(outcomeInputSchema, req.body, 'body');
    const who = await caller(req);
    if (!who.manageOutcomes) denied(evaluationOutcomeManagePermission);
    const region = await unitRegion(input.unit);
    await audited(
      auditor,
      req,
      {
        eventId: 'evaluation-outcome-upsert',
        severityLevel: 'medium',
        meta: {
          unit: input.unit,
          periodStart: input.periodStart,
          periodEnd: input.periodEnd,
        },
      },
      () => store.upsertOutcomes([{ input, region }], who.userRef),
    );
    const { items } = await store.listOutcomes(
      { unit: input.unit },
      {
        kind: 'all',
      },
    );
    res.status(201).json(items[0]);
  });

  /**
   * CSV import: every row is stored, or none. When any row is rejected the
   * answer is a 400 whose body has the usual `error` and the report of the
   * rejected rows by line and field (`imported: 0`).
   */
  router.post(
    '/outcomes/import',
    express.text({ type: ['text/csv', 'text/plain'], limit: '2mb' }),
    async (req, res) => {
      const who = await caller(req);
      if (!who.manageOutcomes) denied(evaluationOutcomeManagePermission);
      if (typeof req.body !== 'string') {
        throw new InputError(
          'Invalid body: body: must be CSV text (Content-Type: text/csv)',
        );
      }
      const { rows, rejected } = parseOutcomeCsv(req.body);
      const items: Array<{ input: OutcomeInput; region: string }> = [];
      const regions = new Map<string, string | undefined>();
      for (const row of rows) {
        if (!regions.has(row.input.unit)) {
          regions.set(row.input.unit, await units.regionOf(row.input.unit));
        }
        const region = regions.get(row.input.unit);
        if (!region) {
          rejected.push({
            line: row.line,
            field: 'unit',
            message: 'is not a unit in the catalog',
          });
        } else {
          items.push({ input: row.input, region });
        }
      }
      rejected.sort((a, b) => a.line - b.line);
      const report: ImportReport = await audited(
        auditor,
        req,
        {
          eventId: 'evaluation-outcome-import',
          severityLevel: 'medium',
          meta: { rows: rows.length, rejected: rejected.length },
        },
        async () => {
          if (rejected.length || !items.length) {
            return { imported: 0, rejected };
          }
          return {
            imported: await store.upsertOutcomes(items, who.userRef),
            rejected: [],
          };
        },
      );
      if (report.rejected.length || !report.imported) {
        const first = report.rejected
          .slice(0, 5)
          .map(r => `line ${r.line}, ${r.field}: ${r.message}`)
          .join('; ');
        // The framework's error body (so clients read it as a ResponseError),
        // with the report of the rejected rows.
        res.status(400).json({
          error: {
            name: 'InputError',
            message: `Invalid body: nothing was imported. ${
              first || 'The file has no rows.'
            }`,
          },
          request: { method: req.method, url: req.originalUrl },
          response: { statusCode: 400 },
          ...report,
        });
        return;
      }
      res.json(report);
    },
  );

  return router;
}
