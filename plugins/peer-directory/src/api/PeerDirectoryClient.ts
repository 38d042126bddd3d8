import { ResponseError } from '@backstage/errors';
import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { PluginHttp } from '@internal/plugin-portal-react';
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
  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.http = new PluginHttp('peer-directory', options);
  }

  private readonly http: PluginHttp;

  listProfiles(query: Partial<ProfileQuery>): Promise<ProfileList> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') {
        params.set(key, String(value));
      }
    }
    return this.http.json(`/profiles?${params}`);
  }

  getProfile(id: string): Promise<Profile> {
    return this.http.json(`/profiles/${encodeURIComponent(id)}`);
  }

  async getOwnProfile(): Promise<OwnProfile | undefined> {
    try {
      return await this.http.json<OwnProfile>('/profiles/me');
    } catch (error) {
      if (error instanceof ResponseError && error.response.status === 404) {
        return undefined;
      }
      throw error;
    }
  }

  updateOwnProfile(update: OwnProfileUpdate): Promise<OwnProfile> {
    return this.http.json('/profiles/me', { method: 'PUT', body: update });
  }

  setConsent(consent: ConsentUpdate): Promise<OwnProfile> {
    return this.http.json('/profiles/me/consent', {
      method: 'PUT',
      body: consent,
    });
  }

  registerInterest(interest: InterestRegistration): Promise<OnboardingEntry> {
    return this.http.json('/interest', { method: 'POST', body: interest });
  }

  async listOnboarding(): Promise<OnboardingEntry[]> {
    return (await this.http.json<{ items: OnboardingEntry[] }>('/onboarding'))
      .items;
  }

  changeStatus(id: string, change: StatusChangeRequest): Promise<Profile> {
    return this.http.json(`/profiles/${encodeURIComponent(id)}/status`, {
      method: 'POST',
      body: change,
    });
  }

  addTraining(id: string, training: TrainingRequest): Promise<TrainingRecord> {
    return this.http.json(`/profiles/${encodeURIComponent(id)}/training`, {
      method: 'POST',
      body: training,
    });
  }

  coverage(region?: string): Promise<CoverageResponse> {
    return this.http.json(
      region ? `/coverage?region=${encodeURIComponent(region)}` : '/coverage',
    );
  }
}
