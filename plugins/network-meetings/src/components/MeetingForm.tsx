import { Content, Header, Link, Page } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  AUDIENCES,
  Audience,
  MEETING_KINDS,
  Meeting,
  MeetingCreateRequest,
  MeetingKind,
  MeetingPatch,
} from '@internal/plugin-network-meetings-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import Paper from '@material-ui/core/Paper';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Alert } from '@material-ui/lab';
import { FormEvent, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { networkMeetingsApiRef } from '../api/NetworkMeetingsApi';
import { networkMeetingsTranslationRef } from '../translation';
import { errorMessage } from '@internal/plugin-portal-react';
import { Pending } from './Pending';
import { useGroupTitles } from '@internal/plugin-portal-react';
import { useLoad } from '@internal/plugin-portal-react';

/** The form's fields, all as text the way inputs hold them. */
export type FormValues = {
  title: string;
  kind: MeetingKind;
  agenda: string;
  place: string;
  videoUrl: string;
  region: string;
  audience: Audience;
  capacity: string;
  rsvpDeadline: string;
  date: string;
  startTime: string;
  endTime: string;
  recurrence: 'none' | 'weekly' | 'monthly';
  interval: string;
  endsBy: 'until' | 'count';
  until: string;
  count: string;
};

type Field = keyof FormValues;
type ErrorKey =
  | 'required'
  | 'endAfterStart'
  | 'placeOrVideo'
  | 'https'
  | 'capacity'
  | 'deadline'
  | 'until'
  | 'count';

const EMPTY: FormValues = {
  title: '',
  kind: 'network-meeting',
  agenda: '',
  place: '',
  videoUrl: '',
  region: '',
  audience: 'everyone',
  capacity: '',
  rsvpDeadline: '',
  date: '',
  startTime: '18:00',
  endTime: '20:00',
  recurrence: 'none',
  interval: '1',
  endsBy: 'count',
  until: '',
  count: '6',
};

/** What is wrong with the form, field by field (the server checks again). */
export function validate(
  v: FormValues,
  editing: boolean,
): Partial<Record<Field, ErrorKey>> {
  const errors: Partial<Record<Field, ErrorKey>> = {};
  if (!v.title.trim()) errors.title = 'required';
  if (!v.date) errors.date = 'required';
  if (!v.startTime) errors.startTime = 'required';
  if (!v.endTime) errors.endTime = 'required';
  else if (v.startTime && v.endTime <= v.startTime)
    errors.endTime = 'endAfterStart';
  if (!v.place.trim() && !v.videoUrl.trim()) errors.place = 'placeOrVideo';
  if (v.videoUrl.trim() && !/^https:\/\/\S+$/.test(v.videoUrl.trim()))
    errors.videoUrl = 'https';
  if (v.capacity.trim() && !/^[1-9]\d{0,3}$/.test(v.capacity.trim()))
    errors.capacity = 'capacity';
  if (v.rsvpDeadline && v.date && v.rsvpDeadline > v.date)
    errors.rsvpDeadline = 'deadline';
  if (!editing && v.recurrence !== 'none') {
    if (v.endsBy === 'until') {
      if (!v.until) errors.until = 'required';
      else if (v.date && v.until <= v.date) errors.until = 'until';
    } else {
      const n = Number(v.count);
      if (!Number.isInteger(n) || n < 2 || n > 52) errors.count = 'count';
    }
  }
  return errors;
}

export function toCreateRequest(v: FormValues): MeetingCreateRequest {
  return {
    title: v.title.trim(),
    kind: v.kind,
    agenda: v.agenda
      .split('\n')
      .map(s => s.trim())
      .filter(Boolean),
    place: v.place.trim() || null,
    videoUrl: v.videoUrl.trim() || null,
    region: v.region || null,
    audience: v.audience,
    capacity: v.capacity.trim() ? Number(v.capacity) : null,
    rsvpDeadline: v.rsvpDeadline || null,
    start: `${v.date}T${v.startTime}`,
    end: `${v.date}T${v.endTime}`,
    recurrence:
      v.recurrence === 'none'
        ? null
        : {
            frequency: v.recurrence,
            interval: Number(v.interval) || 1,
            ...(v.endsBy === 'until'
              ? { until: v.until }
              : { count: Number(v.count) }),
          },
  };
}

function fromMeeting(m: Meeting): FormValues {
  return {
    ...EMPTY,
    title: m.title,
    kind: m.kind,
    agenda: m.agenda.join('\n'),
    place: m.place ?? '',
    videoUrl: m.videoUrl ?? '',
    region: m.region ?? '',
    audience: m.audience,
    capacity: m.capacity === null ? '' : String(m.capacity),
    rsvpDeadline: m.rsvpDeadline ?? '',
    date: m.start.slice(0, 10),
    startTime: m.start.slice(11, 16),
    endTime: m.end.slice(11, 16),
  };
}

function toPatch(before: Meeting, v: FormValues): MeetingPatch {
  const request = toCreateRequest(v);
  const patch: MeetingPatch = {};
  if (request.title !== before.title) patch.title = request.title;
  if (request.kind !== before.kind) patch.kind = request.kind;
  if (JSON.stringify(request.agenda) !== JSON.stringify(before.agenda))
    patch.agenda = request.agenda;
  if (request.place !== before.place) patch.place = request.place;
  if (request.videoUrl !== before.videoUrl) patch.videoUrl = request.videoUrl;
  if (request.region !== before.region) patch.region = request.region;
  if (request.audience !== before.audience) patch.audience = request.audience;
  if (request.capacity !== before.capacity) patch.capacity = request.capacity;
  if (request.rsvpDeadline !== before.rsvpDeadline)
    patch.rsvpDeadline = request.rsvpDeadline;
  if (request.start !== before.start || request.end !== before.end) {
    patch.start = request.start;
    patch.end = request.end;
  }
  return patch;
}

/** MUI's error red is below 4.5:1 on white (WCAG 1.4.3): a darker red. */
const ERROR_STYLE = { color: '#b3261e' };

const useStyles = makeStyles(theme => ({
  panel: {
    padding: theme.spacing(3),
    // MUI's error red is below 4.5:1 on white (WCAG 1.4.3): a darker red.
    '& .MuiFormLabel-root.Mui-error, & .MuiFormHelperText-root.Mui-error': {
      color: '#b3261e',
    },
    '& .MuiOutlinedInput-root.Mui-error .MuiOutlinedInput-notchedOutline': {
      borderColor: '#b3261e',
    },
  },
  actions: {
    display: 'flex',
    gap: theme.spacing(1),
    marginTop: theme.spacing(2),
  },
}));

function FormBody(props: { meeting?: Meeting }) {
  const { meeting } = props;
  const editing = Boolean(meeting);
  const api = useApi(networkMeetingsApiRef);
  const classes = useStyles();
  const navigate = useNavigate();
  const { t } = useTranslationRef(networkMeetingsTranslationRef);
  const groups = useGroupTitles();
  const [values, setValues] = useState<FormValues>(
    meeting ? fromMeeting(meeting) : EMPTY,
  );
  const [errors, setErrors] = useState<Partial<Record<Field, ErrorKey>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);

  const change = (field: Field, value: string) => {
    const next = { ...values, [field]: value } as FormValues;
    setValues(next);
    if (submitted) setErrors(validate(next, editing));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    setFailure(undefined);
    const found = validate(values, editing);
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`nm-form-${first}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const saved = meeting
        ? await api.updateMeeting(meeting.id, toPatch(meeting, values))
        : await api.createMeeting(toCreateRequest(values));
      navigate(`/network-meetings/meetings/${saved.id}`);
    } catch (error) {
      setFailure(errorMessage(error));
      setBusy(false);
    }
  };

  const field = (
    name: Field,
    label: string,
    extra: Record<string, unknown> = {},
    grid = 6,
  ) => (
    <Grid item xs={12} sm={grid as 6}>
      <TextField
        id={`nm-form-${name}`}
        label={label}
        value={values[name]}
        onChange={e => change(name, e.target.value)}
        fullWidth
        variant="outlined"
        error={Boolean(errors[name])}
        helperText={
          errors[name] ? t(`form.errors.${errors[name]!}`) : undefined
        }
        FormHelperTextProps={{ style: errors[name] ? ERROR_STYLE : undefined }}
        {...extra}
        InputLabelProps={{
          ...(extra.InputLabelProps as object),
          style: errors[name] ? ERROR_STYLE : undefined,
        }}
      />
    </Grid>
  );

  const title = editing ? t('form.editTitle') : t('form.createTitle');
  return (
    <Page themeId="home">
      <Header title={title} pageTitleOverride={title} />
      <Content>
        <Box mb={2}>
          <Link to="/network-meetings">{t('meeting.back')}</Link>
        </Box>
        <Paper className={classes.panel}>
          <form onSubmit={submit} noValidate aria-label={title}>
            <Grid container spacing={2}>
              {field('title', t('form.title'), { required: true }, 12)}
              {field('kind', t('form.kind'), {
                select: true,
                children: MEETING_KINDS.map(k => (
                  <MenuItem key={k} value={k}>
                    {t(`kinds.${k}`)}
                  </MenuItem>
                )),
              })}
              {field('audience', t('form.audience'), {
                select: true,
                children: AUDIENCES.map(a => (
                  <MenuItem key={a} value={a}>
                    {t(`audiences.${a}`)}
                  </MenuItem>
                )),
              })}
              {field(
                'date',
                t('form.date'),
                {
                  type: 'date',
                  required: true,
                  InputLabelProps: { shrink: true },
                },
                4,
              )}
              {field(
                'startTime',
                t('form.startTime'),
                {
                  type: 'time',
                  required: true,
                  InputLabelProps: { shrink: true },
                },
                4,
              )}
              {field(
                'endTime',
                t('form.endTime'),
                {
                  type: 'time',
                  required: true,
                  InputLabelProps: { shrink: true },
                },
                4,
              )}
              <Grid item xs={12}>
                <Typography variant="body2">
                  {editing && meeting?.recurrence
                    ? t('form.seriesNote')
                    : t('form.timeZoneNote')}
                </Typography>
              </Grid>
              {field('place', t('form.place'))}
              {field('videoUrl', t('form.videoUrl'), { type: 'url' })}
              {field('region', t('form.region'), {
                select: true,
                SelectProps: { displayEmpty: true },
                InputLabelProps: { shrink: true },
                children: [
                  <MenuItem key="" value="">
                    {t('form.allRegions')}
                  </MenuItem>,
                  ...groups.regions.map(r => (
                    <MenuItem key={r.name} value={r.name}>
                      {r.title}
                    </MenuItem>
                  )),
                ],
              })}
              {field(
                'capacity',
                t('form.capacity'),
                {
                  inputProps: { inputMode: 'numeric' },
                },
                3,
              )}
              {field(
                'rsvpDeadline',
                t('form.deadline'),
                {
                  type: 'date',
                  InputLabelProps: { shrink: true },
                },
                3,
              )}
              {field(
                'agenda',
                t('form.agenda'),
                { multiline: true, minRows: 3 },
                12,
              )}
              {!editing && (
                <>
                  {field(
                    'recurrence',
                    t('form.recurrence'),
                    {
                      select: true,
                      children: [
                        <MenuItem key="none" value="none">
                          {t('form.recurrenceNone')}
                        </MenuItem>,
                        <MenuItem key="weekly" value="weekly">
                          {t('form.recurrenceWeekly')}
                        </MenuItem>,
                        <MenuItem key="monthly" value="monthly">
                          {t('form.recurrenceMonthly')}
                        </MenuItem>,
                      ],
                    },
                    4,
                  )}
                  {values.recurrence !== 'none' && (
                    <>
                      {field(
                        'interval',
                        t('form.interval'),
                        {
                          select: true,
                          children: [1, 2, 3, 4].map(n => (
                            <MenuItem key={n} value={String(n)}>
                              {n}
                            </MenuItem>
                          )),
                        },
                        4,
                      )}
                      {field(
                        'endsBy',
                        t('form.endsBy'),
                        {
                          select: true,
                          children: [
                            <MenuItem key="count" value="count">
                              {t('form.endsCount')}
                            </MenuItem>,
                            <MenuItem key="until" value="until">
                              {t('form.endsUntil')}
                            </MenuItem>,
                          ],
                        },
                        4,
                      )}
                      {values.endsBy === 'until'
                        ? field(
                            'until',
                            t('form.until'),
                            {
                              type: 'date',
                              InputLabelProps: { shrink: true },
                            },
                            4,
                          )
                        : field(
                            'count',
                            t('form.count'),
                            {
                              inputProps: { inputMode: 'numeric' },
                            },
                            4,
                          )}
                    </>
                  )}
                </>
              )}
            </Grid>
            {failure && (
              <Box mt={2}>
                <Alert severity="error" role="alert">
                  {t('form.failed', { message: failure })}
                </Alert>
              </Box>
            )}
            <div className={classes.actions}>
              <Button
                type="submit"
                variant="contained"
                color="primary"
                disabled={busy}
              >
                {editing ? t('form.save') : t('form.create')}
              </Button>
              <Button
                onClick={() =>
                  navigate(
                    meeting
                      ? `/network-meetings/meetings/${meeting.id}`
                      : '/network-meetings',
                  )
                }
              >
                {t('form.cancel')}
              </Button>
            </div>
          </form>
        </Paper>
      </Content>
    </Page>
  );
}

/** Create a meeting. */
export function NewMeetingPage() {
  return <FormBody />;
}

/** Edit a meeting (or one meeting of a series). */
export function EditMeetingPage() {
  const { id = '' } = useParams();
  const api = useApi(networkMeetingsApiRef);
  const { state } = useLoad(() => api.getMeeting(id), [api, id]);
  if (state.status !== 'done') {
    return <Pending state={state} />;
  }
  return <FormBody meeting={state.value} />;
}
