import {
  assignmentCreatePermission,
  assignmentInterestPermission,
  assignmentManagePermission,
  assignmentPublishOwnPermission,
  assignmentReadPermission,
  honorariumExportPermission,
} from '@internal/plugin-assignments-common';
import {
  networkMeetingsAnswerEveryonePermission,
  networkMeetingsAnswerPeerSupportersPermission,
  networkMeetingsAnswerPeersPermission,
  networkMeetingsManagePermission,
  networkMeetingsReadPermission,
} from '@internal/plugin-network-meetings-common';
import {
  evaluationOutcomeManagePermission,
  evaluationReadAllPermission,
  evaluationReadOwnPermission,
  evaluationReadUnitsPermission,
  evaluationSessionCreatePermission,
} from '@internal/plugin-evaluation-common';
import {
  peerDirectoryManagePermission,
  peerDirectoryOwnProfilePermission,
  peerDirectoryReadPermission,
  peerDirectorySensitiveReadPermission,
} from '@internal/plugin-peer-directory-common';
import {
  personalDataManagePermission,
  personalDataOwnPermission,
} from '@internal/plugin-personal-data-common';
import {
  PortalRole,
  portalAreaPermissions,
} from '@internal/plugin-portal-common';

/** Every signed-in user, whatever their roles. */
export const SIGNED_IN = 'signed-in';

/** Who is granted a permission: some roles, or everyone signed in. */
export type Grant = readonly PortalRole[] | typeof SIGNED_IN;

/**
 * The portal's grants: permission name to the roles that hold it.
 * A permission that is not listed here is denied to everyone.
 *
 * Feature plugins define their permissions in their `-common` package;
 * they are granted here, in one table a reviewer can read top to bottom.
 */
export const PORTAL_GRANTS: Readonly<Record<string, Grant>> = {
  // The four areas of the portal (navigation and pages).
  [portalAreaPermissions.peerDirectory.name]: SIGNED_IN,
  [portalAreaPermissions.assignments.name]: SIGNED_IN,
  [portalAreaPermissions.networkMeetings.name]: SIGNED_IN,
  [portalAreaPermissions.evaluation.name]: [
    'manager',
    'team-leader',
    'coordinator',
    'peer-supporter',
    'peer',
  ],

  // Peer directory. Lived experience is health data: only staff roles
  // (employees) see what a person has consented to show; peers do not.
  [peerDirectoryReadPermission.name]: SIGNED_IN,
  [peerDirectorySensitiveReadPermission.name]: [
    'staff',
    'team-leader',
    'coordinator',
    'manager',
    'peer-supporter',
  ],
  [peerDirectoryOwnProfilePermission.name]: SIGNED_IN,
  [peerDirectoryManagePermission.name]: ['coordinator'],

  // Assignment board. Employees of the units book peers; team leaders'
  // bookings are published at once, others' wait for a coordinator.
  // Peers show interest; coordinators broker, approve and export.
  [assignmentReadPermission.name]: SIGNED_IN,
  [assignmentCreatePermission.name]: [
    'staff',
    'team-leader',
    'coordinator',
    'peer-supporter',
    'manager',
  ],
  [assignmentPublishOwnPermission.name]: ['team-leader', 'coordinator'],
  [assignmentInterestPermission.name]: ['peer'],
  [assignmentManagePermission.name]: ['coordinator'],
  [honorariumExportPermission.name]: ['coordinator'],

  // Network meeting calendar. Everyone signed in sees the calendar;
  // coordinators organise (and see who answered, with their needs). A
  // meeting's audience decides who may answer it; organisers may answer all.
  [networkMeetingsReadPermission.name]: SIGNED_IN,
  [networkMeetingsManagePermission.name]: ['coordinator'],
  [networkMeetingsAnswerEveryonePermission.name]: SIGNED_IN,
  [networkMeetingsAnswerPeersPermission.name]: ['peer', 'coordinator'],
  [networkMeetingsAnswerPeerSupportersPermission.name]: [
    'peer-supporter',
    'coordinator',
  ],

  // Evaluation dashboards. Managers and coordinators see every unit, team
  // leaders their own units, peers and peer supporters their own figures;
  // figures resting on fewer than 5 people are shown as "<5" to everyone.
  [evaluationReadAllPermission.name]: ['manager', 'coordinator'],
  [evaluationReadUnitsPermission.name]: ['team-leader'],
  [evaluationReadOwnPermission.name]: ['peer', 'peer-supporter'],
  [evaluationSessionCreatePermission.name]: ['peer-supporter'],
  [evaluationOutcomeManagePermission.name]: ['manager', 'coordinator'],

  // Personal data. Everyone sees, exports and may ask to erase what the
  // portal holds about them; coordinators decide erasure requests (never
  // their own), see consent changes and erasures, and run the retention
  // rules.
  [personalDataOwnPermission.name]: SIGNED_IN,
  [personalDataManagePermission.name]: ['coordinator'],

  // Backstage's catalog holds the organisation (regions, units, roles,
  // people's names). Everyone signed in may read it; only the organisation
  // file or the identity provider's ingestion changes it.
  'catalog.entity.read': SIGNED_IN,
};
