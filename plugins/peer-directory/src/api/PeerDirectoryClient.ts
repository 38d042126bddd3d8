import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  ConsentUpdate,
  CoverageResponse,
  InterestRegistration,
  OnboardingEntry,
  OwnProfile,
  OwnProfileUpdate,
  Profile,
  ProfileList,
  ProfileQuery,
  StatusChangeRequest,
  TrainingRecord,
  TrainingRequest,
} from '@internal/plugin-peer-directory-common';
import { PeerDirectoryApi } from './PeerDirectoryApi';

/** Talks to /api/peer-directory with the signed-in person's token. @public */
export class PeerDirectoryClient implements PeerDirectoryApi {
  constructor(
    private readonly options: {
      discoveryApi: DiscoveryApi;
      fetchApi: FetchApi;
    },
  ) {}

  private async call<T>(
    path: string,
    init?: { method: string; body?: unknown },
  ): Promise<T> {
    const base = await this.options.discoveryApi.getBaseUrl('peer-directory');
    const res = await this.options.fetchApi.fetch(`${base}${path}`, {
      method: init?.method ?? 'GET',
      headers:
        init?.body !== undefined ? { 'Content-Type': 'application/json' } : {},
      body: init?.body !== undefined ? JSON.stringify(init.body) : undefined,
    });
    if (!res.ok) {
      throw await ResponseError.fromResponse(res);
    }
    return (await res.json()) as T;
  }

  listProfiles(query: Partial<ProfileQuery>): Promise<ProfileList> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') {
        params.set(key, String(value));
      }
    }
    return this.call(`/profiles?${params}`);
  }

  getProfile(id: string): Promise<Profile> {
    return this.call(`/profiles/${encodeURIComponent(id)}`);
  }

  async getOwnProfile(): Promise<OwnProfile | undefined> {
    try {
      return await this.call<OwnProfile>('/profiles/me');
    } catch (error) {
      if (error instanceof ResponseError && error.response.status === 404) {
        return undefined;
      }
      throw error;
    }
  }

  updateOwnProfile(update: OwnProfileUpdate): Promise<OwnProfile> {
    return this.call('/profiles/me', { method: 'PUT', body: update });
  }

  setConsent(consent: ConsentUpdate): Promise<OwnProfile> {
    return this.call('/profiles/me/consent', { method: 'PUT', body: consent });
  }

  registerInterest(interest: InterestRegistration): Promise<OnboardingEntry> {
    return this.call('/interest', { method: 'POST', body: interest });
  }

  async listOnboarding(): Promise<OnboardingEntry[]> {
    return (await this.call<{ items: OnboardingEntry[] }>('/onboarding')).items;
  }

  changeStatus(id: string, change: StatusChangeRequest): Promise<Profile> {
    return this.call(`/profiles/${encodeURIComponent(id)}/status`, {
      method: 'POST',
      body: change,
    });
  }

  addTraining(id: string, training: TrainingRequest): Promise<TrainingRecord> {
    return this.call(`/profiles/${encodeURIComponent(id)}/training`, {
      method: 'POST',
      body: training,
    });
  }

  coverage(region?: string): Promise<CoverageResponse> {
    return this.call(
      region ? `/coverage?region=${encodeURIComponent(region)}` : '/coverage',
    );
  }
}
