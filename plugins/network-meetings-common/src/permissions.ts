import { createPermission } from '@backstage/plugin-permission-common';

/** See the calendar: meetings, places left, one's own answers. @public */
export const networkMeetingsReadPermission = createPermission({
  name: 'network-meetings.meeting.read',
  attributes: { action: 'read' },
});

/**
 * Create, edit and cancel meetings, see who answered (with their needs) and
 * mark attendance: the organisers (coordinators).
 * @public
 */
export const networkMeetingsManagePermission = createPermission({
  name: 'network-meetings.meeting.manage',
  attributes: { action: 'update' },
});

/** Answer a meeting whose audience is everyone. @public */
export const networkMeetingsAnswerEveryonePermission = createPermission({
  name: 'network-meetings.answer.everyone',
  attributes: { action: 'update' },
});

/** Answer a meeting for peers. @public */
export const networkMeetingsAnswerPeersPermission = createPermission({
  name: 'network-meetings.answer.peers',
  attributes: { action: 'update' },
});

/** Answer a meeting for peer supporters. @public */
export const networkMeetingsAnswerPeerSupportersPermission = createPermission({
  name: 'network-meetings.answer.peer-supporters',
  attributes: { action: 'update' },
});

/** The permission that lets a person answer a meeting of each audience. @public */
export const networkMeetingsAnswerPermissions = {
  everyone: networkMeetingsAnswerEveryonePermission,
  peers: networkMeetingsAnswerPeersPermission,
  'peer-supporters': networkMeetingsAnswerPeerSupportersPermission,
} as const;

/** @public */
export const networkMeetingsPermissions = [
  networkMeetingsReadPermission,
  networkMeetingsManagePermission,
  networkMeetingsAnswerEveryonePermission,
  networkMeetingsAnswerPeersPermission,
  networkMeetingsAnswerPeerSupportersPermission,
];
