import {
  appLanguageApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import {
  ASSIGNMENT_TYPES,
  AssignmentDetails,
  EXPERIENCE_WANTED,
  Honorarium,
  LANGUAGES,
} from '@internal/plugin-assignments-common';
import Button from '@material-ui/core/Button';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Grid from '@material-ui/core/Grid';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { Rating } from '@material-ui/lab';
import { ReactNode, useState } from 'react';
import { assignmentsApiRef } from '../api/AssignmentsApi';
import { assignmentsTranslationRef } from '../translation';
import { placesLeft } from './common';
import { formatDay, formatMoney } from './format';
import { useGroupTitles as useGroups } from '@internal/plugin-portal-react';

const AVAILABILITIES = ['available', 'limited', 'paused'] as const;

/** Whether a code from another plugin is one this plugin has a text for. */
function isOneOf<T extends string>(
  list: readonly T[],
  value: string,
): value is T {
  return (list as readonly string[]).includes(value);
}

type Run = (
  change: () => Promise<AssignmentDetails | void>,
  done: string,
) => Promise<boolean>;

/** Coordinators: the interested peers, with what the directory lets them see, and "Select". */
export function SelectionPanel(props: {
  assignment: AssignmentDetails;
  run: Run;
}) {
  const { assignment: a, run } = props;
  const api = useApi(assignmentsApiRef);
  const { t } = useTranslationRef(assignmentsTranslationRef);
  const groups = useGroups();
  const canSelect = a.allowedActions.includes('select');
  const left = placesLeft(a);
  return (
    <section aria-labelledby="assignment-selection-title">
      <Typography variant="h5" component="h2" id="assignment-selection-title">
        {t('selection.title')}
      </Typography>
      <Typography variant="body2" paragraph>
        {t('selection.placesLeft', { count: left })}
      </Typography>
      {a.interests.length === 0 && (
        <Typography paragraph>{t('selection.none')}</Typography>
      )}
      <Grid
        container
        spacing={2}
        component="ul"
        style={{ listStyle: 'none', padding: 0 }}
      >
        {a.interests.map(interest => (
          <Grid item xs={12} md={6} key={interest.userRef} component="li">
            <Card variant="outlined">
              <CardContent>
                <Typography variant="h6" component="h3">
                  {interest.displayName}
                </Typography>
                {interest.profile && (
                  <Typography variant="body2" component="div">
                    <div>{groups.title(interest.profile.region)}</div>
                    {interest.profile.languages.length > 0 && (
                      <div>
                        {t('selection.languages')}:{' '}
                        {interest.profile.languages
                          .map(l =>
                            isOneOf(LANGUAGES, l) ? t(`languages.${l}`) : l,
                          )
                          .join(', ')}
                      </div>
                    )}
                    {interest.profile.assignmentTypes.length > 0 && (
                      <div>
                        {t('selection.types')}:{' '}
                        {interest.profile.assignmentTypes
                          .map(x =>
                            isOneOf(ASSIGNMENT_TYPES, x) ? t(`types.${x}`) : x,
                          )
                          .join(', ')}
                      </div>
                    )}
                    <div>
                      {t('selection.availability')}:{' '}
                      {isOneOf(AVAILABILITIES, interest.profile.availability)
                        ? t(`availability.${interest.profile.availability}`)
                        : interest.profile.availability}
                    </div>
                    {interest.profile.experience &&
                      interest.profile.experience.length > 0 && (
                        <div>
                          {t('selection.experience')}:{' '}
                          {interest.profile.experience
                            .map(x =>
                              isOneOf(EXPERIENCE_WANTED, x)
                                ? t(`experience.${x}`)
                                : x,
                            )
                            .join(', ')}
                        </div>
                      )}
                  </Typography>
                )}
                {interest.message && (
                  <Typography variant="body2" style={{ marginTop: 8 }}>
                    {t('selection.message')}: {interest.message}
                  </Typography>
                )}
                <div style={{ marginTop: 8 }}>
                  {interest.status === 'selected' && (
                    <Typography color="primary">
                      {t('selection.selected')}
                    </Typography>
                  )}
                  {interest.status === 'withdrawn' && (
                    <Typography>{t('selection.withdrawn')}</Typography>
                  )}
                  {interest.status === 'interested' && canSelect && (
                    <Button
                      variant="contained"
                      color="primary"
                      aria-label={t('selection.selectName', {
                        name: interest.displayName,
                      })}
                      onClick={() =>
                        run(
                          () => api.select(a.id, interest.userRef),
                          t('selection.selectedMessage', {
                            name: interest.displayName,
                          }),
                        )
                      }
                    >
                      {t('selection.select')}
                    </Button>
                  )}
                </div>
              </CardContent>
            </Card>
          </Grid>
        ))}
      </Grid>
    </section>
  );
}

/** The unit confirms the work: actual hours and travel for each selected peer. */
export function CompleteForm(props: {
  assignment: AssignmentDetails;
  run: Run;
}) {
  const { assignment: a, run } = props;
  const api = useApi(assignmentsApiRef);
  const { t } = useTranslationRef(assignmentsTranslationRef);
  const selected = a.interests.filter(i => i.status === 'selected');
  const [rows, setRows] = useState(() =>
    selected.map(i => ({
      userRef: i.userRef,
      name: i.displayName,
      hours: String(a.estimatedHours),
      travel: false,
    })),
  );
  const valid =
    rows.length > 0 &&
    rows.every(r => {
      const h = Number(r.hours.replace(',', '.'));
      return h > 0 && Number.isInteger(h * 4);
    });
  return (
    <section aria-labelledby="assignment-complete-title">
      <Typography variant="h5" component="h2" id="assignment-complete-title">
        {t('complete.title')}
      </Typography>
      <Typography variant="body2" paragraph>
        {t('complete.intro')}
      </Typography>
      <form
        onSubmit={e => {
          e.preventDefault();
          run(
            () =>
              api.transition(a.id, {
                action: 'complete',
                peers: rows.map(r => ({
                  userRef: r.userRef,
                  actualHours: Number(r.hours.replace(',', '.')),
                  travel: r.travel,
                })),
              }),
            t('complete.done'),
          );
        }}
      >
        {rows.map((row, index) => (
          <Grid container spacing={2} alignItems="center" key={row.userRef}>
            <Grid item xs={12} sm={6}>
              <TextField
                fullWidth
                variant="outlined"
                size="small"
                type="number"
                id={`assignment-complete-hours-${index}`}
                label={t('complete.hours', { name: row.name })}
                value={row.hours}
                inputProps={{ min: 0.25, max: 200, step: 0.25 }}
                onChange={e =>
                  setRows(
                    rows.map((r, i) =>
                      i === index ? { ...r, hours: e.target.value } : r,
                    ),
                  )
                }
                margin="dense"
              />
            </Grid>
            <Grid item xs={12} sm={6}>
              <FormControlLabel
                label={t('complete.travel', { name: row.name })}
                control={
                  <Checkbox
                    checked={row.travel}
                    onChange={e =>
                      setRows(
                        rows.map((r, i) =>
                          i === index ? { ...r, travel: e.target.checked } : r,
                        ),
                      )
                    }
                  />
                }
              />
            </Grid>
          </Grid>
        ))}
        <Button
          type="submit"
          variant="contained"
          color="primary"
          disabled={!valid}
        >
          {t('complete.submit')}
        </Button>
      </form>
    </section>
  );
}

/** Feedback, 1 to 5 and a comment, from a peer or the unit. */
export function FeedbackForm(props: {
  assignment: AssignmentDetails;
  run: Run;
}) {
  const { assignment: a, run } = props;
  const api = useApi(assignmentsApiRef);
  const { t } = useTranslationRef(assignmentsTranslationRef);
  const [rating, setRating] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  return (
    <section aria-labelledby="assignment-feedback-title">
      <Typography variant="h5" component="h2" id="assignment-feedback-title">
        {t('feedback.title')}
      </Typography>
      <Typography variant="body2" paragraph>
        {t('feedback.intro')}
      </Typography>
      <form
        onSubmit={e => {
          e.preventDefault();
          if (!rating) return;
          run(
            () =>
              api.giveFeedback(a.id, {
                rating,
                comment: comment.trim() || undefined,
              }),
            t('feedback.thanks'),
          );
        }}
      >
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <Typography component="legend" variant="subtitle2">
            {t('feedback.rating')}
          </Typography>
          <Rating
            name="assignment-feedback-rating"
            value={rating}
            onChange={(_e, value) => setRating(value)}
            getLabelText={value => t('feedback.ratingLabel', { count: value })}
          />
        </fieldset>
        <TextField
          fullWidth
          multiline
          minRows={2}
          variant="outlined"
          margin="normal"
          id="assignment-feedback-comment"
          label={t('feedback.comment')}
          value={comment}
          onChange={e => setComment(e.target.value)}
          inputProps={{ maxLength: 2000 }}
        />
        <Button
          type="submit"
          variant="contained"
          color="primary"
          disabled={!rating}
        >
          {t('feedback.submit')}
        </Button>
      </form>
    </section>
  );
}

/** A scope band's name: "Halvdag", or "Heldag + 2 h" beyond the last band. */
export function useBandLabel() {
  const { t } = useTranslationRef(assignmentsTranslationRef);
  return (band: string) => {
    const [code, extra] = band.split('+');
    const known = ['upTo2h', 'halfDay', 'fullDay'].includes(code);
    const name = known ? t(`honoraria.bands.${code as 'upTo2h'}`) : code;
    return extra ? `${name} + ${extra}` : name;
  };
}

/** Honoraria as a table, amounts in kronor. */
export function HonorariaTable(props: {
  items: Honorarium[];
  assignmentLink?: (h: Honorarium) => ReactNode;
}) {
  const { t } = useTranslationRef(assignmentsTranslationRef);
  const language = useApi(appLanguageApiRef).getLanguage().language;
  const band = useBandLabel();
  // The list of all honoraria links each assignment and leaves out fee and travel.
  const full = !props.assignmentLink;
  return (
    <Table size="small" aria-label={t('honoraria.title')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('honoraria.peer')}</TableCell>
          {props.assignmentLink && (
            <TableCell>{t('honoraria.assignment')}</TableCell>
          )}
          <TableCell>{t('honoraria.workDate')}</TableCell>
          <TableCell align="right">{t('honoraria.hours')}</TableCell>
          <TableCell>{t('honoraria.band')}</TableCell>
          {full && <TableCell align="right">{t('honoraria.fee')}</TableCell>}
          {full && <TableCell align="right">{t('honoraria.travel')}</TableCell>}
          <TableCell align="right">{t('honoraria.total')}</TableCell>
          <TableCell>{t('honoraria.costCentre')}</TableCell>
          <TableCell>{t('honoraria.state')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.items.map(h => (
          <TableRow key={h.id}>
            <TableCell>{h.peerName}</TableCell>
            {props.assignmentLink && (
              <TableCell>{props.assignmentLink(h)}</TableCell>
            )}
            <TableCell>{formatDay(h.workDate, language)}</TableCell>
            <TableCell align="right">
              {(h.actualMinutes / 60).toLocaleString(
                language === 'sv' ? 'sv-SE' : 'en-GB',
              )}
            </TableCell>
            <TableCell>{band(h.band)}</TableCell>
            {full && (
              <TableCell align="right">
                {formatMoney(h.feeOre, language)}
              </TableCell>
            )}
            {full && (
              <TableCell align="right">
                {formatMoney(h.travelOre, language)}
              </TableCell>
            )}
            <TableCell align="right">
              {formatMoney(h.totalOre, language)}
            </TableCell>
            <TableCell>{h.costCentre}</TableCell>
            <TableCell>{t(`honorariumStates.${h.state}`)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
