import { ResponseError } from '@backstage/errors';
import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';

/** What a request sends: JSON, or text (for CSV imports). @public */
export type PluginRequest = {
  method?: string;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is, with this content type. */
  text?: { content: string; contentType: string };
};

/**
 * Calls one plugin's backend with the signed-in person's token (fetchApi),
 * and turns an error answer into a ResponseError that carries the server's
 * message (which names the field that is wrong).
 * @public
 */
export class PluginHttp {
  constructor(
    private readonly pluginId: string,
    private readonly options: {
      discoveryApi: DiscoveryApi;
      fetchApi: FetchApi;
    },
  ) {}

  async request(path: string, init: PluginRequest = {}): Promise<Response> {
    const base = await this.options.discoveryApi.getBaseUrl(this.pluginId);
    const headers: Record<string, string> = {};
    let body: string | undefined;
    if (init.text) {
      headers['Content-Type'] = init.text.contentType;
      body = init.text.content;
    } else if (init.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(init.body);
    }
    const res = await this.options.fetchApi.fetch(`${base}${path}`, {
      method: init.method ?? 'GET',
      headers,
      body,
    });
    if (!res.ok) {
      throw await ResponseError.fromResponse(res);
    }
    return res;
  }

  /** The answer's JSON. */
  async json<T>(path: string, init?: PluginRequest): Promise<T> {
    return (await (await this.request(path, init)).json()) as T;
  }
}

/**
 * A query string from an object: arrays repeat the parameter; undefined,
 * null, empty and false values are left out.
 * @public
 */
export function queryString(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (
        item !== undefined &&
        item !== null &&
        item !== '' &&
        item !== false
      ) {
        params.append(key, String(item));
      }
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
