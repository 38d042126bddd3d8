import { Link } from '@backstage/core-components';
import {
  appLanguageApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { Assignment } from '@internal/plugin-assignments-common';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { assignmentsTranslationRef } from '../translation';
import { StateChip, placesLeft } from './common';
import { formatDay, formatSlot } from './format';

const useStyles = makeStyles(theme => ({
  card: { height: '100%' },
  chips: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(1),
  },
  facts: { margin: 0, paddingLeft: 0, listStyle: 'none' },
  // Long type names wrap inside the card instead of running out of it.
  chip: {
    maxWidth: '100%',
    height: 'auto',
    minHeight: 24,
    '& .MuiChip-label': { whiteSpace: 'normal', padding: '2px 8px' },
  },
}));

/** One assignment in a list: what, where, when, and how many places are left. */
export function AssignmentCard(props: {
  assignment: Assignment;
  groupTitle: (name: string) => string;
  showState?: boolean;
}) {
  const { assignment: a, groupTitle } = props;
  const classes = useStyles();
  const { t } = useTranslationRef(assignmentsTranslationRef);
  const language = useApi(appLanguageApiRef).getLanguage().language;
  const [first, ...rest] = [...a.slots].sort((x, y) =>
    x.start.localeCompare(y.start),
  );
  const left = placesLeft(a);
  const formats = [
    ...(a.place ? [t('formats.on-site')] : []),
    ...(a.digitalLink ? [t('formats.digital')] : []),
  ];
  return (
    <Card className={classes.card} variant="outlined">
      <CardContent>
        <Typography variant="h6" component="h3" gutterBottom>
          <Link to={`/assignments/${a.id}`}>{a.title}</Link>
        </Typography>
        <div className={classes.chips}>
          {props.showState && <StateChip state={a.state} />}
          <Chip
            size="small"
            variant="outlined"
            className={classes.chip}
            label={t(`types.${a.type}`)}
          />
          {formats.map(f => (
            <Chip key={f} size="small" variant="outlined" label={f} />
          ))}
          {a.myInterest && (
            <Chip
              size="small"
              color={a.myInterest === 'selected' ? 'primary' : 'default'}
              label={t(`interestStatus.${a.myInterest}`)}
            />
          )}
        </div>
        <ul className={classes.facts}>
          <Typography component="li" variant="body2">
            {groupTitle(a.unit)}
          </Typography>
          {first && (
            <Typography component="li" variant="body2">
              {formatSlot(first, language)}
              {rest.length > 0 &&
                ` ${t('card.moreSlots', { count: rest.length })}`}
            </Typography>
          )}
          <Typography component="li" variant="body2">
            {t('card.deadline', {
              date: formatDay(a.interestDeadline, language),
            })}
          </Typography>
          <Typography component="li" variant="body2">
            {left > 0 ? t('card.placesLeft', { count: left }) : t('card.full')}
            {' · '}
            {t('card.interested', { count: a.interestCount })}
          </Typography>
          {a.suitability !== undefined && (
            <Typography component="li" variant="body2">
              {t('card.suitability', { score: String(a.suitability) })}
            </Typography>
          )}
        </ul>
      </CardContent>
    </Card>
  );
}
