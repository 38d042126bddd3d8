import { ComponentType } from 'react';
import { usePermission } from '@backstage/plugin-permission-react';
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
  /** Whether the app shows a "being built" page here (no plugin yet). */
  placeholder: boolean;
};

export const AREAS: readonly AreaDefinition[] = [
  {
    area: 'peerDirectory',
    path: '/peer-directory',
    icon: PeopleIcon,
    permission: portalAreaPermissions.peerDirectory,
    placeholder: false,
  },
  {
    area: 'assignments',
    path: '/assignments',
    icon: AssignmentIcon,
    permission: portalAreaPermissions.assignments,
    placeholder: false,
  },
  {
    area: 'networkMeetings',
    path: '/network-meetings',
    icon: EventIcon,
    permission: portalAreaPermissions.networkMeetings,
    placeholder: false,
  },
  {
    area: 'evaluation',
    path: '/evaluation',
    icon: TimelineIcon,
    permission: portalAreaPermissions.evaluation,
    placeholder: false,
  },
];

/** Whether the signed-in person may open an area (hidden while unknown). */
export function useAreaAllowed(area: AreaDefinition): boolean {
  return usePermission({ permission: area.permission }).allowed;
}
