import { Content, Header, Link, Page } from '@backstage/core-components';
import {
  appLanguageApiRef,
  identityApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  ASSIGNMENT_TYPES,
  EXPERIENCE_WANTED,
  LANGUAGES,
  assignmentCreatePermission,
} from '@internal/plugin-assignments-common';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import IconButton from '@material-ui/core/IconButton';
import MenuItem from '@material-ui/core/MenuItem';
import Paper from '@material-ui/core/Paper';
import TextField, { TextFieldProps } from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import DeleteIcon from '@material-ui/icons/Delete';
import { Alert } from '@material-ui/lab';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { assignmentsApiRef } from '../api/AssignmentsApi';
import { assignmentsTranslationRef } from '../translation';
import {
  BookingForm,
  EMPTY_FORM,
  FieldProblem,
  formOf,
  requestOf,
  serverProblems,
  validate,
} from './bookingForm';
import { Pending } from './common';
import { formatDateTime } from './format';
import {
  errorMessage,
  httpStatus,
  useLoad,
} from '@internal/plugin-portal-react';
import { useGroupTitles as useGroups } from '@internal/plugin-portal-react';

const useStyles = makeStyles(theme => ({
  paper: { padding: theme.spacing(3), maxWidth: 960 },
  fieldset: {
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    padding: theme.spacing(1, 2, 2),
    margin: theme.spacing(1, 0),
  },
  legend: { padding: theme.spacing(0, 1), ...theme.typography.subtitle2 },
  actions: {
    display: 'flex',
    gap: theme.spacing(2),
    marginTop: theme.spacing(3),
    alignItems: 'center',
  },
}));

type Draft = { savedAt: string; form: BookingForm };

/** Where drafts are kept: one per person, in this browser only. */
const draftKey = (userRef: string) => `assignments:booking-draft:${userRef}`;

function readDraft(key: string): Draft | undefined {
  try {
    const text = window.localStorage.getItem(key);
    const draft = text ? (JSON.parse(text) as Draft) : undefined;
    return draft?.form?.slots ? draft : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The booking form (bokningsformulär): a new request, or changes to one
 * (`/assignments/:id/edit`). New requests are saved as drafts while typed.
 */
export function BookingFormPage() {
  const { id } = useParams();
  const editing = !!id;
  const api = useApi(assignmentsApiRef);
  const identityApi = useApi(identityApiRef);
  const language = useApi(appLanguageApiRef).getLanguage().language;
  const { t } = useTranslationRef(assignmentsTranslationRef);
  const classes = useStyles();
  const navigate = useNavigate();
  const groups = useGroups();
  const canCreate = usePermission({ permission: assignmentCreatePermission });
  const existing = useLoad(
    () => (id ? api.getAssignment(id) : Promise.resolve(undefined)),
    [api, id],
  );
  const [form, setForm] = useState<BookingForm>(EMPTY_FORM);
  const [touched, setTouched] = useState(false);
  const [problems, setProblems] = useState<Record<string, FieldProblem>>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [storageKey, setStorageKey] = useState<string>();
  const [offer, setOffer] = useState<Draft>();
  const [savedAt, setSavedAt] = useState<string>();
  const formRef = useRef<HTMLFormElement>(null);

  // Who is signed in decides where the draft is kept, and the contact person.
  useEffect(() => {
    if (editing) return undefined;
    let cancelled = false;
    Promise.all([
      identityApi.getBackstageIdentity(),
      identityApi.getProfileInfo().catch(() => ({} as Record<string, never>)),
    ])
      .then(([identity, profile]) => {
        if (cancelled) return;
        const key = draftKey(identity.userEntityRef);
        setStorageKey(key);
        setOffer(readDraft(key));
        setForm(f => ({
          ...f,
          contactName: f.contactName || profile.displayName || '',
          contactEmail: f.contactEmail || profile.email || '',
        }));
      })
      .catch(() => {
        // Without an identity there is no draft; the form still works.
      });
    return () => {
      cancelled = true;
    };
  }, [identityApi, editing]);

  // Editing starts from the assignment as it is.
  useEffect(() => {
    if (existing.state.status === 'done' && existing.state.value) {
      setForm(formOf(existing.state.value));
    }
  }, [existing.state]);

  // Auto-save the draft a moment after each change, once the person has
  // decided about an earlier draft.
  useEffect(() => {
    if (editing || !storageKey || !touched || offer) return undefined;
    const timer = setTimeout(() => {
      const draft: Draft = { savedAt: new Date().toISOString(), form };
      try {
        window.localStorage.setItem(storageKey, JSON.stringify(draft));
        setSavedAt(draft.savedAt);
      } catch {
        // A full or blocked storage only means no draft.
      }
    }, 500);
    return () => clearTimeout(timer);
  }, [form, storageKey, touched, offer, editing]);

  const update = (change: Partial<BookingForm>) => {
    setTouched(true);
    setForm(f => ({ ...f, ...change }));
    // A field's message goes once the person changes the field.
    setProblems(p => {
      const next = { ...p };
      for (const key of Object.keys(change)) {
        for (const field of Object.keys(next)) {
          if (field === key || field.startsWith(`${key}.`)) delete next[field];
        }
      }
      if ('digitalLink' in change) delete next.place;
      return next;
    });
  };

  const setSlot = (
    index: number,
    change: Partial<BookingForm['slots'][number]>,
  ) =>
    update({
      slots: form.slots.map((s, i) => (i === index ? { ...s, ...change } : s)),
    });

  const problemText = (field: string): string | undefined => {
    const problem = problems[field];
    if (!problem) return undefined;
    // The values differ by key; each key's own are in `values`.
    const translate = t as unknown as (key: string, values: object) => string;
    return (
      problem.raw ??
      translate(`validation.${problem.key}`, problem.values ?? {})
    );
  };

  const focusFirstProblem = () =>
    setTimeout(() => {
      formRef.current
        ?.querySelector<HTMLElement>('[aria-invalid="true"]')
        ?.focus();
    }, 0);

  const submit = async () => {
    setFailure(undefined);
    const checked = validate(form);
    if (!checked.request) {
      setProblems(checked.problems);
      setFailure(t('form.fixErrors'));
      focusFirstProblem();
      return;
    }
    setBusy(true);
    try {
      if (editing && id) {
        const body = requestOf(form);
        for (const key of ['contactPhone', 'place', 'digitalLink']) {
          if (body[key] === undefined) body[key] = null;
        }
        await api.updateAssignment(id, body as any);
        navigate(`/assignments/${id}`, {
          state: { flash: t('details.updated') },
        });
      } else {
        const created = await api.createAssignment(checked.request);
        if (storageKey) window.localStorage.removeItem(storageKey);
        navigate(`/assignments/${created.id}`, {
          state: {
            flash:
              created.state === 'open'
                ? t('details.createdOpen')
                : t('details.created'),
          },
        });
      }
    } catch (error) {
      const message = errorMessage(error);
      if (httpStatus(error) === 400) {
        setProblems(serverProblems(message));
        focusFirstProblem();
      }
      setFailure(message);
      setBusy(false);
    }
  };

  const field = (
    name: keyof Omit<BookingForm, 'slots'>,
    props: TextFieldProps = {},
  ) => {
    const problem = problemText(name);
    return (
      <TextField
        fullWidth
        variant="outlined"
        margin="normal"
        id={`booking-${name}`}
        label={t(`form.${name}`)}
        value={form[name]}
        onChange={e => update({ [name]: e.target.value })}
        error={!!problem}
        {...props}
        helperText={problem ?? props.helperText}
      />
    );
  };

  const typeOptions = ASSIGNMENT_TYPES.map(x => ({
    value: x,
    label: t(`types.${x}`),
  }));
  // Swedish first, then the others in alphabetical order.
  const languageOptions = useMemo(() => {
    const others = LANGUAGES.filter(l => l !== 'sv')
      .map(l => ({ value: l, label: t(`languages.${l}`) }))
      .sort((a, b) => a.label.localeCompare(b.label, 'sv'));
    return [{ value: 'sv', label: t('languages.sv') }, ...others];
  }, [t]);
  const units = groups.units();
  let submitLabel: string = editing ? t('form.save') : t('form.submit');
  if (busy) submitLabel = t('form.sending');
  const title = editing ? t('form.editTitle') : t('form.newTitle');
  const mayEdit =
    !editing ||
    (existing.state.status === 'done' &&
      existing.state.value?.allowedActions.includes('edit'));

  return (
    <Page themeId="home">
      <Header title={title} subtitle={t('title')} pageTitleOverride={title} />
      <Content>
        <Link to={editing ? `/assignments/${id}` : '/assignments'}>
          {t('details.back')}
        </Link>
        {editing && <Pending state={existing.state} />}
        {!editing && !canCreate.loading && !canCreate.allowed && (
          <Alert severity="warning" style={{ marginTop: 16 }}>
            {t('form.noPermission')}
          </Alert>
        )}
        {editing && existing.state.status === 'done' && !mayEdit && (
          <Alert severity="warning" style={{ marginTop: 16 }}>
            {t('form.noPermission')}
          </Alert>
        )}
        {offer && (
          <Alert
            severity="info"
            role="status"
            style={{ marginTop: 16 }}
            action={
              <>
                <Button
                  color="inherit"
                  size="small"
                  onClick={() => {
                    setForm(offer.form);
                    setTouched(true);
                    setOffer(undefined);
                  }}
                >
                  {t('form.draftRestore')}
                </Button>
                <Button
                  color="inherit"
                  size="small"
                  onClick={() => {
                    if (storageKey) window.localStorage.removeItem(storageKey);
                    setOffer(undefined);
                  }}
                >
                  {t('form.draftDiscard')}
                </Button>
              </>
            }
          >
            {t('form.draftFound', {
              date: formatDateTime(offer.savedAt, language),
            })}
          </Alert>
        )}
        {(!editing || existing.state.status === 'done') && mayEdit && (
          <Paper className={classes.paper} style={{ marginTop: 16 }}>
            <form
              ref={formRef}
              noValidate
              aria-labelledby="booking-form-title"
              onSubmit={e => {
                e.preventDefault();
                submit();
              }}
            >
              <Typography variant="h5" component="h2" id="booking-form-title">
                {title}
              </Typography>
              {!editing && <Typography paragraph>{t('form.intro')}</Typography>}
              <Alert severity="info" role="note" style={{ margin: '8px 0' }}>
                <span>{t('form.privacy')}</span>{' '}
                <span>{t('form.publicDocument')}</span>
              </Alert>
              <Typography variant="body2">{t('form.required')}</Typography>
              {field('title', {
                required: true,
                inputProps: { maxLength: 120 },
              })}
              {field('type', {
                select: true,
                required: true,
                children: typeOptions.map(o => (
                  <MenuItem key={o.value} value={o.value}>
                    {o.label}
                  </MenuItem>
                )),
              })}
              {field('description', {
                required: true,
                multiline: true,
                minRows: 4,
                helperText: t('form.descriptionHelp'),
                inputProps: { maxLength: 4000 },
              })}
              {field('unit', {
                select: true,
                required: true,
                children: units.map(u => (
                  <MenuItem key={u.name} value={u.name}>
                    {u.title}
                  </MenuItem>
                )),
              })}
              <Grid container spacing={2}>
                <Grid item xs={12} md={4}>
                  {field('contactName', { required: true })}
                </Grid>
                <Grid item xs={12} md={4}>
                  {field('contactEmail', { required: true, type: 'email' })}
                </Grid>
                <Grid item xs={12} md={4}>
                  {field('contactPhone', { type: 'tel' })}
                </Grid>
                <Grid item xs={12} md={6}>
                  {field('place', { helperText: t('form.placeHelp') })}
                </Grid>
                <Grid item xs={12} md={6}>
                  {field('digitalLink', { type: 'url' })}
                </Grid>
              </Grid>
              <fieldset className={classes.fieldset}>
                <legend className={classes.legend}>{t('form.slots')} *</legend>
                {problems.slots && (
                  <Typography color="error" variant="body2" role="alert">
                    {problemText('slots')}
                  </Typography>
                )}
                {form.slots.map((slot, index) => {
                  const n = String(index + 1);
                  const startProblem = problemText(`slots.${index}.start`);
                  const endProblem = problemText(`slots.${index}.end`);
                  return (
                    <fieldset key={index} className={classes.fieldset}>
                      <legend className={classes.legend}>
                        {t('form.slotLegend', { n })}
                      </legend>
                      <Grid container spacing={2} alignItems="center">
                        <Grid item xs={12} sm={4}>
                          <TextField
                            fullWidth
                            variant="outlined"
                            type="date"
                            id={`booking-slot-${index}-date`}
                            label={t('form.date')}
                            InputLabelProps={{ shrink: true }}
                            value={slot.date}
                            onChange={e =>
                              setSlot(index, { date: e.target.value })
                            }
                            error={!!startProblem}
                            helperText={startProblem}
                            required
                          />
                        </Grid>
                        <Grid item xs={6} sm={3}>
                          <TextField
                            fullWidth
                            variant="outlined"
                            type="time"
                            id={`booking-slot-${index}-start`}
                            label={t('form.start')}
                            InputLabelProps={{ shrink: true }}
                            value={slot.start}
                            onChange={e =>
                              setSlot(index, { start: e.target.value })
                            }
                            error={!!startProblem}
                            required
                          />
                        </Grid>
                        <Grid item xs={6} sm={3}>
                          <TextField
                            fullWidth
                            variant="outlined"
                            type="time"
                            id={`booking-slot-${index}-end`}
                            label={t('form.end')}
                            InputLabelProps={{ shrink: true }}
                            value={slot.end}
                            onChange={e =>
                              setSlot(index, { end: e.target.value })
                            }
                            error={!!endProblem}
                            helperText={endProblem}
                            required
                          />
                        </Grid>
                        <Grid item xs={12} sm={2}>
                          {form.slots.length > 1 && (
                            <IconButton
                              aria-label={t('form.removeSlot', { n })}
                              onClick={() =>
                                update({
                                  slots: form.slots.filter(
                                    (_, i) => i !== index,
                                  ),
                                })
                              }
                            >
                              <DeleteIcon />
                            </IconButton>
                          )}
                        </Grid>
                      </Grid>
                    </fieldset>
                  );
                })}
                {form.slots.length < 20 && (
                  <Button
                    variant="outlined"
                    onClick={() =>
                      update({
                        slots: [
                          ...form.slots,
                          {
                            date: form.slots[form.slots.length - 1]?.date ?? '',
                            start: '',
                            end: '',
                          },
                        ],
                      })
                    }
                  >
                    {t('form.addSlot')}
                  </Button>
                )}
              </fieldset>
              <Grid container spacing={2}>
                <Grid item xs={12} sm={6} md={3}>
                  {field('estimatedHours', {
                    required: true,
                    type: 'number',
                    inputProps: { min: 0.25, max: 200, step: 0.25 },
                  })}
                </Grid>
                <Grid item xs={12} sm={6} md={3}>
                  {field('peersWanted', {
                    required: true,
                    type: 'number',
                    inputProps: { min: 1, max: 20, step: 1 },
                  })}
                </Grid>
                <Grid item xs={12} sm={6} md={3}>
                  {field('experienceWanted', {
                    select: true,
                    required: true,
                    children: EXPERIENCE_WANTED.map(x => (
                      <MenuItem key={x} value={x}>
                        {t(`experience.${x}`)}
                      </MenuItem>
                    )),
                  })}
                </Grid>
                <Grid item xs={12} sm={6} md={3}>
                  {field('language', {
                    select: true,
                    required: true,
                    children: languageOptions.map(o => (
                      <MenuItem key={o.value} value={o.value}>
                        {o.label}
                      </MenuItem>
                    )),
                  })}
                </Grid>
                <Grid item xs={12} sm={6}>
                  {field('interestDeadline', {
                    required: true,
                    type: 'date',
                    InputLabelProps: { shrink: true },
                  })}
                </Grid>
                <Grid item xs={12} sm={6}>
                  {field('costCentre', {
                    required: true,
                    inputProps: { maxLength: 20 },
                  })}
                </Grid>
              </Grid>
              <div aria-live="assertive">
                {failure && (
                  <Alert
                    severity="error"
                    role="alert"
                    style={{ marginTop: 16 }}
                  >
                    {failure}
                  </Alert>
                )}
              </div>
              <div className={classes.actions}>
                <Button
                  type="submit"
                  variant="contained"
                  color="primary"
                  disabled={busy}
                >
                  {submitLabel}
                </Button>
                <Button
                  onClick={() =>
                    navigate(editing ? `/assignments/${id}` : '/assignments')
                  }
                >
                  {t('form.cancel')}
                </Button>
                {savedAt && !editing && (
                  <Typography
                    variant="body2"
                    color="textSecondary"
                    role="status"
                  >
                    {t('form.draftSaved')}
                  </Typography>
                )}
              </div>
            </form>
          </Paper>
        )}
      </Content>
    </Page>
  );
}
