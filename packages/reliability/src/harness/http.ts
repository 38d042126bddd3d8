import { demoToken, SERVICE_TOKEN } from './backend';
import type { Actor, Role } from '../routeTable';

/** The demo users of catalog/org.yaml by role: the first is the role's representative. */
export const USERS: Record<Role, string[]> = {
  peer: ['asa.lindqvist', 'omar.haddad'],
  'peer-supporter': ['elin.bergstrom', 'jonas.nilsson'],
  coordinator: ['mia.nordlund', 'karin.sjoberg'],
  'team-leader': ['anders.holm', 'sara.ek'],
  manager: ['helena.strand'],
  staff: ['peter.aberg', 'leila.karimi'],
};

export type Answer = {
  status: number;
  headers: Headers;
  text: string;
  json?: any;
  /** The error message of the framework's error body, if any. */
  message?: string;
};

export type Request = {
  method: string;
  path: string;
  /** A query string without `?`, or an object (encoded simply). */
  query?: string | Record<string, string | string[]>;
  body?: unknown;
  /** Sent as it is (bytes or text), with `contentType`. */
  rawBody?: Buffer | string;
  contentType?: string;
  headers?: Record<string, string>;
};

function queryString(query: Request['query']): string {
  if (!query) return '';
  if (typeof query === 'string') return query ? `?${query}` : '';
  const parts: string[] = [];
  for (const [k, v] of Object.entries(query)) {
    for (const one of Array.isArray(v) ? v : [v]) {
      parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(one)}`);
    }
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

/** Signed-in callers of one backend: a token per demo user, and the service token. */
export class Callers {
  private readonly tokens = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  async token(username: string): Promise<string> {
    let token = this.tokens.get(username);
    if (!token) {
      token = await demoToken(this.baseUrl, username);
      this.tokens.set(username, token);
    }
    return token;
  }

  /** The user an actor stands for (`owner`/`other`: the role's first and second). */
  static userOf(actor: Actor, ownerRole?: Role): string | undefined {
    if (actor === 'anonymous' || actor === 'service') return undefined;
    if (actor === 'owner') return USERS[ownerRole ?? 'peer'][0];
    if (actor === 'other') return USERS[ownerRole ?? 'peer'][1];
    return USERS[actor][0];
  }

  async authorization(
    actor: Actor | { user: string },
    ownerRole?: Role,
  ): Promise<Record<string, string>> {
    if (typeof actor === 'object') {
      return { authorization: `Bearer ${await this.token(actor.user)}` };
    }
    if (actor === 'anonymous') return {};
    if (actor === 'service')
      return { authorization: `Bearer ${SERVICE_TOKEN}` };
    return {
      authorization: `Bearer ${await this.token(
        Callers.userOf(actor, ownerRole)!,
      )}`,
    };
  }

  async send(
    actor: Actor | { user: string },
    request: Request,
    ownerRole?: Role,
  ): Promise<Answer> {
    const headers: Record<string, string> = {
      ...(await this.authorization(actor, ownerRole)),
      ...request.headers,
    };
    let body: string | Buffer | undefined;
    if (request.rawBody !== undefined) {
      body = request.rawBody;
      headers['content-type'] = request.contentType ?? 'application/json';
    } else if (request.body !== undefined) {
      body = JSON.stringify(request.body);
      headers['content-type'] = request.contentType ?? 'application/json';
    }
    const url = `${this.baseUrl}${request.path}${queryString(request.query)}`;
    let res: Response | undefined;
    let failure: unknown;
    // A kept-alive connection that the server closed while this request
    // was being sent fails with no answer; a browser sends it again on a
    // new connection, and so does this. An input that makes the server
    // drop the connection does so again and still fails.
    for (let attempt = 0; attempt < 2 && !res; attempt++) {
      try {
        res = await fetch(url, { method: request.method, headers, body });
      } catch (error) {
        failure = error;
        const code = (error as { cause?: { code?: string } }).cause?.code;
        if (code !== 'UND_ERR_SOCKET' && code !== 'ECONNRESET') break;
      }
    }
    if (!res) {
      // No answer at all (the connection was closed or reset).
      const cause = (failure as { cause?: { code?: string } }).cause;
      return {
        status: 0,
        headers: new Headers(),
        text: `no answer: ${cause?.code ?? failure}`,
        message: `no answer: ${cause?.code ?? failure}`,
      };
    }
    const text = await res.text();
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return {
      status: res.status,
      headers: res.headers,
      text,
      json,
      message: json?.error?.message,
    };
  }
}
