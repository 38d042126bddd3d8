import { Link } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Profile } from '@internal/plugin-peer-directory-common';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { peerDirectoryTranslationRef } from '../translation';

const useStyles = makeStyles(theme => ({
  card: { height: '100%' },
  chips: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5),
    marginTop: theme.spacing(1),
  },
  line: { marginTop: theme.spacing(0.5) },
}));

/** One person in the directory's results. */
export function ProfileCard(props: {
  profile: Profile;
  groupTitle: (name: string) => string;
}) {
  const { profile, groupTitle } = props;
  const classes = useStyles();
  const { t } = useTranslationRef(peerDirectoryTranslationRef);
  return (
    <Card
      className={classes.card}
      component="article"
      aria-labelledby={`profile-${profile.id}`}
    >
      <CardContent>
        <Typography variant="h6" component="h3" id={`profile-${profile.id}`}>
          <Link to={`profile/${profile.id}`}>{profile.displayName}</Link>
        </Typography>
        <Typography variant="body2" color="textSecondary">
          {t(`roles.${profile.role}`)} · {groupTitle(profile.region)}
        </Typography>
        {profile.units.length > 0 && (
          <Typography variant="body2" className={classes.line}>
            {profile.units.map(groupTitle).join(', ')}
          </Typography>
        )}
        <Typography variant="body2" className={classes.line}>
          {profile.languages.map(l => t(`languages.${l}`)).join(', ')}
        </Typography>
        <div className={classes.chips}>
          <Chip
            size="small"
            color={profile.availability === 'available' ? 'primary' : 'default'}
            label={t(`availability.${profile.availability}`)}
          />
          {profile.supportModes.map(mode => (
            <Chip
              key={mode}
              size="small"
              variant="outlined"
              label={t(`modes.${mode}`)}
            />
          ))}
        </div>
      </CardContent>
    </Card>
  );
}
