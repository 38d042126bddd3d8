import { createApiRef } from '@backstage/frontend-plugin-api';
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

/** The peer directory's backend, as the frontend uses it. @public */
export interface PeerDirectoryApi {
  listProfiles(query: Partial<ProfileQuery>): Promise<ProfileList>;
  getProfile(id: string): Promise<Profile>;
  /** The signed-in person's own profile, or undefined if they have none. */
  getOwnProfile(): Promise<OwnProfile | undefined>;
  updateOwnProfile(update: OwnProfileUpdate): Promise<OwnProfile>;
  setConsent(consent: ConsentUpdate): Promise<OwnProfile>;
  registerInterest(interest: InterestRegistration): Promise<OnboardingEntry>;
  listOnboarding(): Promise<OnboardingEntry[]>;
  changeStatus(id: string, change: StatusChangeRequest): Promise<Profile>;
  addTraining(id: string, training: TrainingRequest): Promise<TrainingRecord>;
  coverage(region?: string): Promise<CoverageResponse>;
}

/** @public */
export const peerDirectoryApiRef = createApiRef<PeerDirectoryApi>().with({
  id: 'plugin.peer-directory.api',
  pluginId: 'peer-directory',
});
