import {
  appLanguageApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import {
  ASSIGNMENT_TYPES,
  AVAILABILITIES,
  EXPERIENCES,
  LANGUAGES,
  OwnProfile,
  OwnProfileUpdate,
  PROFILE_ROLES,
  ProfileRole,
  SUPPORT_MODES,
  SUPPORT_TOPICS,
} from '@internal/plugin-peer-directory-common';
import Button from '@material-ui/core/Button';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormLabel from '@material-ui/core/FormLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import Switch from '@material-ui/core/Switch';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { Alert } from '@material-ui/lab';
import { FormEvent, useState } from 'react';
import { peerDirectoryApiRef } from '../api/PeerDirectoryApi';
import { errorMessage } from '@internal/plugin-portal-react';
import { Pending } from './Pending';
import { useLoad } from '@internal/plugin-portal-react';
import { peerDirectoryTranslationRef } from '../translation';
import { CheckboxGroup } from './CheckboxGroup';
import { formatDate } from './formatDate';
import { useGroupTitles } from '@internal/plugin-portal-react';

/** The signed-in person's own page: register interest, or keep the profile and consent. */
export function MineTab() {
  const api = useApi(peerDirectoryApiRef);
  const { t } = useTranslationRef(peerDirectoryTranslationRef);
  const { state, reload, set } = useLoad(() => api.getOwnProfile(), [api]);

  if (state.status !== 'done') return <Pending state={state} />;
  const profile = state.value;
  if (!profile) {
    return <InterestForm onDone={reload} />;
  }
  return (
    <>
      <Typography variant="subtitle1" component="p" gutterBottom>
        {t('mine.status', {
          status: t(`membership.${profile.membershipStatus}`),
        })}
      </Typography>
      <ConsentCard profile={profile} onChange={set} />
      <ProfileForm profile={profile} onSaved={set} />
    </>
  );
}

function InterestForm(props: { onDone: () => void }) {
  const api = useApi(peerDirectoryApiRef);
  const { t } = useTranslationRef(peerDirectoryTranslationRef);
  const groups = useGroupTitles();
  const [role, setRole] = useState<ProfileRole>('peer');
  const [region, setRegion] = useState('');
  const [message, setMessage] = useState('');
  const [state, setState] = useState<{ busy: boolean; error?: string }>({
    busy: false,
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setState({ busy: true });
    try {
      await api.registerInterest({
        role,
        region,
        message: message || undefined,
      });
      props.onDone();
    } catch (error) {
      setState({ busy: false, error: errorMessage(error) });
    }
  };

  return (
    <Card>
      <CardContent>
        <Typography variant="h5" component="h2" gutterBottom>
          {t('mine.interestTitle')}
        </Typography>
        <Typography paragraph>
          {t('mine.none')} {t('mine.interestIntro')}
        </Typography>
        <form onSubmit={submit} aria-label={t('mine.interestTitle')}>
          <TextField
            select
            label={t('mine.interestRole')}
            value={role}
            onChange={e => setRole(e.target.value as ProfileRole)}
            variant="outlined"
            margin="normal"
            fullWidth
            id="interest-role"
          >
            {PROFILE_ROLES.map(r => (
              <MenuItem key={r} value={r}>
                {t(`roles.${r}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            required
            label={t('mine.interestRegion')}
            value={region}
            onChange={e => setRegion(e.target.value)}
            variant="outlined"
            margin="normal"
            fullWidth
            id="interest-region"
          >
            {groups.regions.map(r => (
              <MenuItem key={r.name} value={r.name}>
                {r.title}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label={t('mine.interestMessage')}
            value={message}
            onChange={e => setMessage(e.target.value)}
            variant="outlined"
            margin="normal"
            fullWidth
            multiline
            minRows={3}
            inputProps={{ maxLength: 1000 }}
            id="interest-message"
          />
          <Alert severity="info" style={{ margin: '8px 0 16px' }}>
            {t('mine.publicDocument')}
          </Alert>
          {state.error && (
            <Alert severity="error" role="alert" style={{ marginBottom: 16 }}>
              {t('error', { message: state.error })}
            </Alert>
          )}
          <Button
            type="submit"
            variant="contained"
            color="primary"
            disabled={state.busy || !region}
          >
            {t('mine.interestSubmit')}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}

function ConsentCard(props: {
  profile: OwnProfile;
  onChange: (p: OwnProfile) => void;
}) {
  const api = useApi(peerDirectoryApiRef);
  const language = useApi(appLanguageApiRef).getLanguage().language;
  const { t } = useTranslationRef(peerDirectoryTranslationRef);
  const [state, setState] = useState<{ saved?: boolean; error?: string }>({});
  // The switches move at once; if saving fails they move back and say why.
  const [consent, setConsent] = useState(props.profile.consent);
  const toggle = async (field: 'experience' | 'story', value: boolean) => {
    const before = consent;
    const next = { ...consent, [field]: value };
    setConsent(next);
    setState({});
    try {
      const profile = await api.setConsent(next);
      setConsent(profile.consent);
      props.onChange(profile);
      setState({ saved: true });
    } catch (error) {
      setConsent(before);
      setState({ error: errorMessage(error) });
    }
  };
  return (
    <Card
      style={{ marginBottom: 24 }}
      component="section"
      aria-labelledby="consent-title"
    >
      <CardContent>
        <Typography variant="h5" component="h2" id="consent-title" gutterBottom>
          {t('mine.consentTitle')}
        </Typography>
        <Typography paragraph style={{ maxWidth: '60em' }}>
          {t('mine.consentIntro')}
        </Typography>
        {(['experience', 'story'] as const).map(field => (
          <FormControlLabel
            key={field}
            style={{ display: 'flex' }}
            label={t(
              field === 'experience'
                ? 'mine.consentExperience'
                : 'mine.consentStory',
            )}
            control={
              <Switch
                color="primary"
                checked={consent[field]}
                onChange={e => toggle(field, e.target.checked)}
              />
            }
          />
        ))}
        <div aria-live="polite">
          {state.saved && (
            <Alert severity="success">{t('mine.consentSaved')}</Alert>
          )}
          {state.error && (
            <Alert severity="error" role="alert">
              {t('error', { message: state.error })}
            </Alert>
          )}
        </div>
        {props.profile.consentHistory.length > 0 && (
          <>
            <Typography
              variant="subtitle2"
              component="h3"
              style={{ marginTop: 16 }}
            >
              {t('mine.history')}
            </Typography>
            <ul>
              {props.profile.consentHistory.map((c, i) => (
                <li key={i}>
                  <Typography variant="body2">
                    {formatDate(c.at, language)}:{' '}
                    {t(
                      c.field === 'experience'
                        ? 'mine.consentExperience'
                        : 'mine.consentStory',
                    )}{' '}
                    – {c.granted ? t('mine.granted') : t('mine.withdrawn')}
                  </Typography>
                </li>
              ))}
            </ul>
          </>
        )}
      </CardContent>
    </Card>
  );
}

function toUpdate(p: OwnProfile): OwnProfileUpdate {
  return {
    displayName: p.displayName,
    region: p.region,
    units: p.units,
    languages: p.languages,
    supportModes: p.supportModes,
    topics: p.topics,
    assignmentTypes: p.assignmentTypes,
    availability: p.availability,
    pausedUntil: p.pausedUntil,
    experience: p.experience,
    story: p.story,
  };
}

function ProfileForm(props: {
  profile: OwnProfile;
  onSaved: (p: OwnProfile) => void;
}) {
  const api = useApi(peerDirectoryApiRef);
  const { t } = useTranslationRef(peerDirectoryTranslationRef);
  const groups = useGroupTitles();
  const [form, setForm] = useState<OwnProfileUpdate>(() =>
    toUpdate(props.profile),
  );
  const [state, setState] = useState<{
    busy: boolean;
    saved?: boolean;
    error?: string;
  }>({
    busy: false,
  });
  const set = <K extends keyof OwnProfileUpdate>(
    key: K,
    value: OwnProfileUpdate[K],
  ) => setForm(f => ({ ...f, [key]: value }));
  const isSupporter = props.profile.role === 'peer-supporter';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setState({ busy: true });
    try {
      const saved = await api.updateOwnProfile(form);
      props.onSaved(saved);
      setState({ busy: false, saved: true });
    } catch (error) {
      setState({ busy: false, error: errorMessage(error) });
    }
  };

  return (
    <Card component="section" aria-labelledby="profile-form-title">
      <CardContent>
        <Typography variant="h5" component="h2" id="profile-form-title">
          {t('mine.editTitle')}
        </Typography>
        <form onSubmit={submit}>
          <TextField
            required
            label={t('mine.displayName')}
            value={form.displayName}
            onChange={e => set('displayName', e.target.value)}
            variant="outlined"
            margin="normal"
            fullWidth
            inputProps={{ maxLength: 100 }}
            id="profile-display-name"
          />
          <TextField
            select
            label={t('profile.region')}
            value={form.region}
            onChange={e =>
              setForm(f => ({ ...f, region: e.target.value, units: [] }))
            }
            variant="outlined"
            margin="normal"
            fullWidth
            id="profile-region"
          >
            {groups.regions.map(r => (
              <MenuItem key={r.name} value={r.name}>
                {r.title}
              </MenuItem>
            ))}
          </TextField>
          <CheckboxGroup
            label={t('profile.units')}
            options={groups
              .unitsOf(form.region)
              .map(u => ({ value: u.name, label: u.title }))}
            value={form.units}
            onChange={v => set('units', v)}
          />
          <CheckboxGroup
            label={t('profile.languages')}
            options={LANGUAGES.map(l => ({
              value: l,
              label: t(`languages.${l}`),
            }))}
            value={form.languages}
            onChange={v => set('languages', v)}
          />
          {isSupporter ? (
            <>
              <CheckboxGroup
                label={t('profile.modes')}
                options={SUPPORT_MODES.map(m => ({
                  value: m,
                  label: t(`modes.${m}`),
                }))}
                value={form.supportModes}
                onChange={v => set('supportModes', v)}
              />
              <CheckboxGroup
                label={t('profile.topics')}
                options={SUPPORT_TOPICS.map(x => ({
                  value: x,
                  label: t(`topics.${x}`),
                }))}
                value={form.topics}
                onChange={v => set('topics', v)}
              />
            </>
          ) : (
            <CheckboxGroup
              label={t('profile.assignmentTypes')}
              options={ASSIGNMENT_TYPES.map(x => ({
                value: x,
                label: t(`assignmentTypes.${x}`),
              }))}
              value={form.assignmentTypes}
              onChange={v => set('assignmentTypes', v)}
            />
          )}
          <FormControl component="fieldset" margin="normal">
            <FormLabel component="legend">{t('search.availability')}</FormLabel>
            <RadioGroup
              row
              value={form.availability}
              onChange={e =>
                setForm(f => ({
                  ...f,
                  availability: e.target
                    .value as OwnProfileUpdate['availability'],
                  pausedUntil:
                    e.target.value === 'paused' ? f.pausedUntil : null,
                }))
              }
            >
              {AVAILABILITIES.map(a => (
                <FormControlLabel
                  key={a}
                  value={a}
                  control={<Radio />}
                  label={t(`availability.${a}`)}
                />
              ))}
            </RadioGroup>
          </FormControl>
          {form.availability === 'paused' && (
            <TextField
              required
              label={t('mine.pausedUntil')}
              value={form.pausedUntil ?? ''}
              onChange={e => set('pausedUntil', e.target.value || null)}
              variant="outlined"
              margin="normal"
              inputProps={{ pattern: '\\d{4}-\\d{2}-\\d{2}' }}
              id="profile-paused-until"
            />
          )}
          <CheckboxGroup
            label={t('mine.experience')}
            options={EXPERIENCES.map(x => ({
              value: x,
              label: t(`experiences.${x}`),
            }))}
            value={form.experience}
            onChange={v => set('experience', v)}
          />
          <TextField
            label={t('mine.story')}
            value={form.story}
            onChange={e => set('story', e.target.value)}
            variant="outlined"
            margin="normal"
            fullWidth
            multiline
            minRows={4}
            inputProps={{ maxLength: 2000 }}
            id="profile-story"
          />
          <Alert severity="info" role="note" style={{ margin: '8px 0' }}>
            {t('mine.profileNotice')}
          </Alert>
          <div aria-live="polite" style={{ margin: '8px 0' }}>
            {state.saved && <Alert severity="success">{t('mine.saved')}</Alert>}
            {state.error && (
              <Alert severity="error" role="alert">
                {t('error', { message: state.error })}
              </Alert>
            )}
          </div>
          <Button
            type="submit"
            variant="contained"
            color="primary"
            disabled={state.busy}
          >
            {t('mine.save')}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
