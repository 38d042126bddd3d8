import { Link } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { AREAS, AreaDefinition, useAreaAllowed } from '../../areas';
import { portalTranslationRef } from '../../translation';

function AreaEntry({ area }: { area: AreaDefinition }) {
  const { t } = useTranslationRef(portalTranslationRef);
  if (!useAreaAllowed(area)) {
    return null;
  }
  const Icon = area.icon;
  return (
    <ListItem>
      <ListItemIcon>
        <Icon />
      </ListItemIcon>
      <ListItemText
        primary={<Link to={area.path}>{t(`nav.${area.area}`)}</Link>}
        secondary={t(`areas.${area.area}`)}
      />
    </ListItem>
  );
}

/** The areas of the portal the signed-in person may open, with what each is for. */
export function AreasWidget() {
  const { t } = useTranslationRef(portalTranslationRef);
  return (
    <section aria-labelledby="portal-areas-title">
      <Typography variant="h5" component="h2" id="portal-areas-title">
        {t('home.areasTitle')}
      </Typography>
      <List>
        {AREAS.map(area => (
          <AreaEntry key={area.area} area={area} />
        ))}
      </List>
    </section>
  );
}
