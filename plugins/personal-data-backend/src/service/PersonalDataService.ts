import { LoggerService } from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';
import {
  ConsentChangeList,
  ConsentRecord,
  ErasureRequest,
  ExportedConsent,
  PersonalDataExport,
  PluginExport,
  RetentionPluginResult,
  RetentionPolicy,
  RetentionRun,
} from '@internal/plugin-personal-data-common';
import { retentionCutoff } from '@internal/plugin-personal-data-node';
import { DatabasePersonalDataStore } from '../database/DatabasePersonalDataStore';
import { PluginClient } from './PluginClient';

/** This plugin's id, under which its own records appear in an export. */
export const OWN_PLUGIN_ID = 'personal-data';

/** How long one run holds an erasure request (other replicas wait). */
const LEASE_MS = 15 * 60 * 1000;
/** A retention run older than this that never finished is taken for dead. */
const STALE_RUN_MS = 2 * 60 * 60 * 1000;

/**
 * The work of the personal-data service: gathers a person's data from every
 * plugin, runs erasures plugin by plugin (resuming where a run stopped), and
 * applies the retention rules.
 */
export class PersonalDataService {
  constructor(
    private readonly options: {
      store: DatabasePersonalDataStore;
      client: PluginClient;
      logger: LoggerService;
      /** The plugins that hold personal data, in the order they are erased. */
      plugins: string[];
      policy: RetentionPolicy;
      /** Display names from the catalog (the ref itself if unknown). */
      displayNameOf: (userRef: string) => Promise<string>;
      clock?: () => Date;
    },
  ) {}

  get plugins(): string[] {
    return this.options.plugins;
  }

  get policy(): RetentionPolicy {
    return this.options.policy;
  }

  private now(): Date {
    return (this.options.clock ?? (() => new Date()))();
  }

  displayNameOf(userRef: string): Promise<string> {
    return this.options.displayNameOf(userRef);
  }

  // --- export ---------------------------------------------------------------

  /**
   * Everything the portal holds about a person, one document: each plugin's
   * answer (or that it could not answer), the consents with their dates,
   * and this service's own records.
   */
  async exportOf(userRef: string): Promise<PersonalDataExport> {
    const { client, store } = this.options;
    const plugins: PluginExport[] = await Promise.all(
      this.plugins.map(async (pluginId): Promise<PluginExport> => {
        try {
          const data = await client.exportOf(pluginId, userRef);
          return data
            ? { pluginId, status: 'ok', data }
            : { pluginId, status: 'none' };
        } catch (error) {
          this.options.logger.warn(
            `Could not export personal data from ${pluginId}: ${error}`,
          );
          return {
            pluginId,
            status: 'unavailable',
            error: String((error as Error).message ?? error),
          };
        }
      }),
    );
    const own = await store.listOwn(userRef, 100);
    plugins.push(
      own.length
        ? {
            pluginId: OWN_PLUGIN_ID,
            status: 'ok',
            data: JSON.parse(JSON.stringify({ erasureRequests: own })),
          }
        : { pluginId: OWN_PLUGIN_ID, status: 'none' },
    );
    return {
      format: 'peer-portal-personal-data/1',
      generatedAt: this.now().toISOString(),
      person: { userRef, displayName: await this.displayNameOf(userRef) },
      consents: plugins.flatMap(consentsOf),
      plugins,
    };
  }

  /** Consent changes, from the plugin that holds the consents. */
  consentChanges(
    pluginId: string,
    query: { since: string; limit: number; cursor?: string },
  ): Promise<ConsentChangeList> {
    return this.options.client.consentChanges(pluginId, query);
  }

  // --- erasure --------------------------------------------------------------

  /**
   * Runs an erasure in progress: each plugin's step that is not done yet,
   * in order, stopping at the first that fails (the next run resumes
   * there). A request that another run holds, or that is not in progress,
   * is returned as it is.
   */
  async runErasure(id: string): Promise<ErasureRequest | undefined> {
    const { store, client, logger } = this.options;
    const claimed = await store.claim(id, this.now(), LEASE_MS);
    if (!claimed) {
      return store.getRequest(id);
    }
    for (const step of claimed.steps) {
      if (step.status === 'done') continue;
      try {
        const report = await client.erase(
          step.pluginId,
          claimed.userRef,
          claimed.pseudonym,
        );
        await store.stepDone(id, step.pluginId, report, this.now());
      } catch (error) {
        const message = String((error as Error).message ?? error);
        logger.warn(
          `Erasure ${id} stopped at ${step.pluginId} (it resumes there): ${message}`,
        );
        await store.stepFailed(id, step.pluginId, message, this.now());
        break;
      }
    }
    const request = await store.finishRun(id, this.now());
    if (request.status === 'completed') {
      const totals = request.steps.reduce(
        (t, s) => ({
          erased: t.erased + (s.report?.erased ?? 0),
          anonymised: t.anonymised + (s.report?.anonymised ?? 0),
        }),
        { erased: 0, anonymised: 0 },
      );
      logger.info(
        `Erasure ${id} completed: ${totals.erased} records erased, ${totals.anonymised} anonymised`,
      );
    }
    return request;
  }

  /** Resumes every erasure in progress that no run holds. */
  async resumeErasures(): Promise<number> {
    let resumed = 0;
    for (const id of await this.options.store.resumable(this.now())) {
      const request = await this.runErasure(id);
      if (request?.status === 'completed') resumed++;
    }
    return resumed;
  }

  // --- retention -------------------------------------------------------------

  /**
   * Applies the retention rules: every plugin removes what it may no
   * longer keep, people the rules say must go are erased across the
   * portal, and this service's own records past their period are removed.
   * What was removed is logged and kept as a retention run (counts only).
   */
  async applyRetention(input: {
    trigger: RetentionRun['trigger'];
    startedBy?: string;
  }): Promise<RetentionRun> {
    const { store, client, logger, policy } = this.options;
    const now = this.now();
    const runId = await store.startRetentionRun({
      trigger: input.trigger,
      startedBy: input.startedBy,
      policy,
      now,
      staleMs: STALE_RUN_MS,
    });
    const results: RetentionPluginResult[] = [];
    const people = new Set<string>();
    for (const pluginId of this.plugins) {
      try {
        const { supported, report } = await client.applyRetention(
          pluginId,
          policy,
          now,
        );
        results.push({
          pluginId,
          status: supported ? 'done' : 'not-supported',
          removed: report.removed,
        });
        for (const ref of report.peopleToErase ?? []) people.add(ref);
      } catch (error) {
        const message = String((error as Error).message ?? error);
        logger.warn(
          `Retention could not be applied in ${pluginId}: ${message}`,
        );
        results.push({
          pluginId,
          status: 'failed',
          removed: [],
          error: message,
        });
      }
    }

    let erasures = 0;
    for (const userRef of people) {
      try {
        const request = await store.createRetentionRequest({
          userRef,
          displayName: await this.displayNameOf(userRef),
          plugins: this.plugins,
          now: this.now(),
        });
        const done = await this.runErasure(request.id);
        if (done?.status === 'completed') erasures++;
      } catch (error) {
        logger.warn(`Retention could not erase ${userRef}: ${error}`);
      }
    }

    const erasureRecordsRemoved = await store.removeFinishedBefore(
      retentionCutoff(now, { months: policy.erasureRecordsMonths }),
    );
    const run = await store.finishRetentionRun(runId, {
      plugins: results,
      erasures,
      erasureRecordsRemoved,
      now: this.now(),
    });
    const removed = results
      .flatMap(r => r.removed.map(x => `${r.pluginId}: ${x.count} ${x.what}`))
      .join('; ');
    logger.info(
      `Retention run ${run.id} ${run.status}: ${
        removed || 'nothing to remove'
      }; ${erasures} people erased; ${erasureRecordsRemoved} erasure records removed`,
    );
    return run;
  }
}

/** The consents a plugin lists in its export, with their dates. */
function consentsOf(plugin: PluginExport): ConsentRecord[] {
  const list = (plugin.data as JsonObject | undefined)?.consents;
  if (!Array.isArray(list)) return [];
  return (list as unknown as ExportedConsent[])
    .filter(c => c && typeof c.field === 'string')
    .map(c => {
      const history = Array.isArray(c.history) ? c.history : [];
      const last = (granted: boolean) =>
        [...history].reverse().find(e => e.granted === granted)?.at;
      const record: ConsentRecord = {
        pluginId: plugin.pluginId,
        field: c.field,
        granted: Boolean(c.granted),
        history,
      };
      const givenAt = last(true);
      const withdrawnAt = last(false);
      if (givenAt) record.givenAt = givenAt;
      if (withdrawnAt) record.withdrawnAt = withdrawnAt;
      return record;
    });
}
