import { Config } from '@backstage/config';
import {
  RetentionPolicy,
  retentionPolicySchema,
} from '@internal/plugin-personal-data-common';

/** The plugins that hold personal data, in the order they are erased. */
export const DEFAULT_PLUGINS = [
  'peer-directory',
  'assignments',
  'network-meetings',
  // Last: by then the board's facts carry the pseudonym too.
  'evaluation',
];

/** The retention periods unless app-config.yaml says otherwise. */
export const DEFAULT_POLICY: RetentionPolicy = {
  interestNotFollowedUpMonths: 12,
  rsvpNeedsAfterMeetingDays: 30,
  leftNetworkMonths: 24,
  erasureRecordsMonths: 36,
};

/** `personalData.plugins`, or the portal's four feature plugins. */
export function readPlugins(config: Config): string[] {
  const list = config.getOptionalStringArray('personalData.plugins');
  if (!list) return DEFAULT_PLUGINS;
  const seen = new Set<string>();
  for (const id of list) {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(id) || seen.has(id)) {
      throw new Error(
        `personalData.plugins: "${id}" is not a plugin id, or is listed twice`,
      );
    }
    seen.add(id);
  }
  return list;
}

/** `personalData.retention`, each period defaulted and checked. */
export function readPolicy(config: Config): RetentionPolicy {
  const c = config.getOptionalConfig('personalData.retention');
  const value = (key: keyof RetentionPolicy) =>
    c?.getOptionalNumber(key) ?? DEFAULT_POLICY[key];
  const policy = {
    interestNotFollowedUpMonths: value('interestNotFollowedUpMonths'),
    rsvpNeedsAfterMeetingDays: value('rsvpNeedsAfterMeetingDays'),
    leftNetworkMonths: value('leftNetworkMonths'),
    erasureRecordsMonths: value('erasureRecordsMonths'),
  };
  const parsed = retentionPolicySchema.safeParse(policy);
  if (!parsed.success) {
    throw new Error(
      `personalData.retention: ${parsed.error.issues
        .map(i => `${i.path.join('.')}: ${i.message}`)
        .join('; ')}`,
    );
  }
  return parsed.data;
}
