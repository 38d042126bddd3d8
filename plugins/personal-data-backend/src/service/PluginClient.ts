import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { JsonObject } from '@backstage/types';
import {
  ConsentChangeList,
  ErasureReport,
  RetentionPolicy,
  RetentionReport,
  erasureReportSchema,
  retentionReportSchema,
} from '@internal/plugin-personal-data-common';
import { z } from 'zod';

/** How long one plugin may take to answer. */
const TIMEOUT_MS = 60_000;

const consentChangeListSchema = z.object({
  items: z.array(
    z.object({
      userRef: z.string(),
      displayName: z.string(),
      field: z.string(),
      granted: z.boolean(),
      at: z.string(),
    }),
  ),
  nextCursor: z.string().optional(),
});

/**
 * Calls the personal-data routes that every plugin mounts
 * (`/.personal-data/*`, see personal-data-node), found through discovery,
 * with a service token for that plugin.
 */
export class PluginClient {
  constructor(
    private readonly options: {
      discovery: DiscoveryService;
      auth: AuthService;
      fetch?: typeof fetch;
    },
  ) {}

  private async call(
    pluginId: string,
    path: string,
    init: { method?: string; body?: unknown } = {},
  ): Promise<unknown> {
    const { discovery, auth } = this.options;
    const base = await discovery.getBaseUrl(pluginId);
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: pluginId,
    });
    const headers: Record<string, string> = {
      Authorization: `Bearer ${token}`,
    };
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await (this.options.fetch ?? fetch)(`${base}${path}`, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!res.ok) {
      throw await ResponseError.fromResponse(res);
    }
    return res.json();
  }

  /** What a plugin holds about a person, or null if nothing. */
  async exportOf(
    pluginId: string,
    userRef: string,
  ): Promise<JsonObject | null> {
    const body = (await this.call(
      pluginId,
      `/.personal-data/export?${new URLSearchParams({ userRef })}`,
    )) as { data?: JsonObject | null };
    return body?.data ?? null;
  }

  /** Has a plugin erase a person, and checks its report. */
  async erase(
    pluginId: string,
    userRef: string,
    pseudonym: string,
  ): Promise<ErasureReport> {
    const body = (await this.call(
      pluginId,
      `/.personal-data/erase?${new URLSearchParams({ userRef })}`,
      { method: 'POST', body: { pseudonym } },
    )) as { report?: unknown };
    const parsed = erasureReportSchema.safeParse(body?.report);
    if (!parsed.success) {
      throw new Error(
        `${pluginId} answered an erasure report that does not check out`,
      );
    }
    return parsed.data;
  }

  /** Has a plugin apply the retention rules to its own data. */
  async applyRetention(
    pluginId: string,
    policy: RetentionPolicy,
    now: Date,
  ): Promise<{ supported: boolean; report: RetentionReport }> {
    const body = (await this.call(pluginId, '/.personal-data/retention', {
      method: 'POST',
      body: { policy, now: now.toISOString() },
    })) as { supported?: unknown; report?: unknown };
    const parsed = retentionReportSchema.safeParse(body?.report);
    if (!parsed.success) {
      throw new Error(
        `${pluginId} answered a retention report that does not check out`,
      );
    }
    return { supported: body.supported !== false, report: parsed.data };
  }

  /** Consent changes since an instant, from the peer directory's API. */
  async consentChanges(
    pluginId: string,
    query: { since: string; limit: number; cursor?: string },
  ): Promise<ConsentChangeList> {
    const params = new URLSearchParams({
      since: query.since,
      limit: String(query.limit),
    });
    if (query.cursor) params.set('cursor', query.cursor);
    const body = await this.call(pluginId, `/consent-changes?${params}`);
    return consentChangeListSchema.parse(body);
  }
}
