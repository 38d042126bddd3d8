import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Interest } from '@internal/plugin-assignments-common';
import { SuitabilityProfile } from '../database/DatabaseAssignmentStore';

/**
 * What the board needs from the peer directory, through its HTTP API on
 * behalf of the caller, so that the directory's own rules decide what the
 * caller sees (never its tables).
 */
export interface DirectoryClient {
  /** The calling peer's own profile, for "suits me". */
  ownProfile(
    credentials: BackstageCredentials,
  ): Promise<SuitabilityProfile | undefined>;
  /** Profiles of the given people, as the caller may see them. */
  profiles(
    userRefs: string[],
    credentials: BackstageCredentials,
  ): Promise<Map<string, NonNullable<Interest['profile']>>>;
}

export class HttpDirectoryClient implements DirectoryClient {
  constructor(
    private readonly deps: {
      discovery: DiscoveryService;
      auth: AuthService;
      logger: LoggerService;
    },
  ) {}

  private async get(path: string, credentials: BackstageCredentials) {
    const base = await this.deps.discovery.getBaseUrl('peer-directory');
    const { token } = await this.deps.auth.getPluginRequestToken({
      onBehalfOf: credentials,
      targetPluginId: 'peer-directory',
    });
    const response = await fetch(`${base}${path}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (response.status === 404) return undefined;
    if (!response.ok) {
      throw new Error(`peer directory answered ${response.status}`);
    }
    return response.json();
  }

  async ownProfile(credentials: BackstageCredentials) {
    try {
      const own = await this.get('/profiles/me', credentials);
      return own
        ? {
            region: own.region,
            languages: own.languages ?? [],
            assignmentTypes: own.assignmentTypes ?? [],
            experience: own.experience ?? [],
          }
        : undefined;
    } catch (error) {
      this.deps.logger.warn(`Could not read own profile: ${error}`);
      return undefined;
    }
  }

  async profiles(userRefs: string[], credentials: BackstageCredentials) {
    const result = new Map<string, NonNullable<Interest['profile']>>();
    if (!userRefs.length) return result;
    try {
      const params = new URLSearchParams({ limit: '100' });
      for (const ref of userRefs.slice(0, 100)) params.append('userRef', ref);
      const list = await this.get(`/profiles?${params}`, credentials);
      for (const p of list?.items ?? []) {
        result.set(p.userRef, {
          id: p.id,
          region: p.region,
          languages: p.languages ?? [],
          assignmentTypes: p.assignmentTypes ?? [],
          availability: p.availability,
          experience: p.experience,
        });
      }
    } catch (error) {
      this.deps.logger.warn(`Could not read profiles: ${error}`);
    }
    return result;
  }
}
