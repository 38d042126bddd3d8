import {
  Sidebar,
  SidebarDivider,
  SidebarGroup,
  SidebarItem,
  SidebarScrollWrapper,
  SidebarSpace,
  useSidebarOpenState,
} from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { NavContentBlueprint } from '@backstage/plugin-app-react';
import { notificationsApiRef } from '@backstage/plugin-notifications';
import NotificationsIcon from '@material-ui/icons/Notifications';
import { useEffect, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { SidebarSearchModal } from '@backstage/plugin-search';
import { UserSettingsSignInAvatar } from '@backstage/plugin-user-settings';
import MenuIcon from '@material-ui/icons/Menu';
import SearchIcon from '@material-ui/icons/Search';
import HomeIcon from '@material-ui/icons/Home';
import SettingsIcon from '@material-ui/icons/Settings';
import AccessibilityIcon from '@material-ui/icons/Accessibility';
import PersonIcon from '@material-ui/icons/Person';
import SecurityIcon from '@material-ui/icons/Security';
import { usePermission } from '@backstage/plugin-permission-react';
import { personalDataManagePermission } from '@internal/plugin-personal-data-common';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { AREAS, AreaDefinition, useAreaAllowed } from '../../areas';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { portalTranslationRef } from '../../translation';

const useStyles = makeStyles({
  logo: {
    color: '#fff',
    padding: '20px 24px 12px 24px',
    textDecoration: 'none',
    display: 'block',
    lineHeight: 1.2,
  },
  logoSmall: { color: '#fff', padding: '20px 16px', fontWeight: 700 },
  language: { margin: '8px 16px', color: '#fff', borderColor: '#ffffffaa' },
});

function Logo() {
  const classes = useStyles();
  const { isOpen } = useSidebarOpenState();
  const { t } = useTranslationRef(portalTranslationRef);
  if (!isOpen) {
    return (
      <Typography className={classes.logoSmall} aria-hidden>
        PS
      </Typography>
    );
  }
  return (
    <Typography variant="h6" component="div" className={classes.logo}>
      {t('app.title')}
    </Typography>
  );
}

/** An area's navigation entry, shown only to roles that may open the area. */
function AreaItem({ area }: { area: AreaDefinition }) {
  const { t } = useTranslationRef(portalTranslationRef);
  if (!useAreaAllowed(area)) {
    return null;
  }
  const Icon = area.icon;
  return (
    <SidebarItem
      icon={() => <Icon fontSize="small" />}
      to={area.path}
      text={t(`nav.${area.area}`)}
    />
  );
}

function LanguageItem() {
  const classes = useStyles();
  const { isOpen } = useSidebarOpenState();
  return isOpen ? <LanguageSwitch className={classes.language} /> : null;
}

export const SidebarContent = NavContentBlueprint.make({
  params: {
    component: ({ navItems }) => {
      // Pages that have a fixed place below, or none (search opens as a modal).
      for (const id of ['page:search', 'page:notifications', 'page:home']) {
        navItems.take(id);
      }
      return <PortalSidebar />;
    },
  },
});

function PortalSidebar() {
  const { t } = useTranslationRef(portalTranslationRef);
  return (
    <Sidebar>
      <Logo />
      <SidebarGroup label={t('nav.search')} icon={<SearchIcon />} to="/search">
        <SidebarSearchModal />
      </SidebarGroup>
      <SidebarDivider />
      <SidebarGroup label={t('nav.label')} icon={<MenuIcon />}>
        <SidebarItem icon={HomeIcon} to="/" text={t('nav.home')} />
        <SidebarScrollWrapper>
          {AREAS.map(area => (
            <AreaItem key={area.area} area={area} />
          ))}
        </SidebarScrollWrapper>
      </SidebarGroup>
      <SidebarSpace />
      <SidebarDivider />
      <NotificationsItem />
      <SidebarItem
        icon={PersonIcon}
        to="/personal-data"
        text={t('nav.myData')}
        end
      />
      <PersonalDataItem />
      <SidebarItem
        icon={AccessibilityIcon}
        to="/accessibility"
        text={t('nav.accessibility')}
      />
      <LanguageItem />
      <SidebarDivider />
      <SidebarGroup
        label={t('nav.settings')}
        icon={<UserSettingsSignInAvatar />}
        to="/settings"
      >
        <SidebarItem
          icon={SettingsIcon}
          to="/settings"
          text={t('nav.settings')}
        />
      </SidebarGroup>
    </Sidebar>
  );
}

/** The coordinators' personal data page (erasure requests, consents, retention). */
function PersonalDataItem() {
  const { t } = useTranslationRef(portalTranslationRef);
  const { allowed } = usePermission({
    permission: personalDataManagePermission,
  });
  if (!allowed) {
    return null;
  }
  return (
    <SidebarItem
      icon={SecurityIcon}
      to="/personal-data/coordinator"
      text={t('nav.personalData')}
    />
  );
}

/**
 * Notifications with the unread count in the item's own text. Backstage's
 * NotificationsSidebarItem shows the count beside a link whose accessible
 * name leaves it out (axe: label-content-name-mismatch), so the portal
 * keeps its own: the count is read again on every page change and each
 * minute.
 */
function NotificationsItem() {
  const { t } = useTranslationRef(portalTranslationRef);
  const notificationsApi = useApi(notificationsApiRef);
  const { pathname } = useLocation();
  const [unread, setUnread] = useState(0);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick(n => n + 1), 60_000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    let cancelled = false;
    notificationsApi
      .getStatus()
      .then(status => !cancelled && setUnread(status.unread))
      .catch(() => {
        // Without the count the item still leads to the notifications.
      });
    return () => {
      cancelled = true;
    };
  }, [notificationsApi, pathname, tick]);
  const text = unread
    ? `${t('nav.notifications')} (${unread})`
    : t('nav.notifications');
  return (
    <SidebarItem icon={NotificationsIcon} to="/notifications" text={text} />
  );
}
