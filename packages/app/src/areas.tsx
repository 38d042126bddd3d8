import { ComponentType } from 'react';
import { BasicPermission } from '@backstage/plugin-permission-common';
import {
  PortalArea,
  portalAreaPermissions,
} from '@internal/plugin-portal-common';
import PeopleIcon from '@material-ui/icons/People';
import AssignmentIcon from '@material-ui/icons/Assignment';
import EventIcon from '@material-ui/icons/Event';
import TimelineIcon from '@material-ui/icons/Timeline';

/** The four areas of the portal, in the order the navigation shows them. */
export type AreaDefinition = {
  area: PortalArea;
  path: string;
  icon: ComponentType<{ fontSize?: 'inherit' | 'small' }>;
  permission: BasicPermission;
};

export const AREAS: readonly AreaDefinition[] = [
  {
    area: 'peerDirectory',
    path: '/peer-directory',
    icon: PeopleIcon,
    permission: portalAreaPermissions.peerDirectory,
  },
  {
    area: 'assignments',
    path: '/assignments',
    icon: AssignmentIcon,
    permission: portalAreaPermissions.assignments,
  },
  {
    area: 'networkMeetings',
    path: '/network-meetings',
    icon: EventIcon,
    permission: portalAreaPermissions.networkMeetings,
  },
  {
    area: 'evaluation',
    path: '/evaluation',
    icon: TimelineIcon,
    permission: portalAreaPermissions.evaluation,
  },
];
