import { Link } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Typography from '@material-ui/core/Typography';
import { networkMeetingsApiRef } from '../api/NetworkMeetingsApi';
import { networkMeetingsTranslationRef } from '../translation';
import { formatStart, today } from './format';
import { MeetingState } from './MeetingChip';
import { Pending } from './Pending';
import { useLanguage, useLoad } from '@internal/plugin-portal-react';

/** Home page widget: the next meetings in the calendar. */
export function NextMeetingsWidget() {
  const api = useApi(networkMeetingsApiRef);
  const { t } = useTranslationRef(networkMeetingsTranslationRef);
  const language = useLanguage();
  const { state } = useLoad(
    async () =>
      (await api.listMeetings({ from: today(), limit: 20 })).items
        .filter(
          m => m.status === 'scheduled' && new Date(m.startsAt) > new Date(),
        )
        .slice(0, 5),
    [api],
  );
  return (
    <section aria-labelledby="network-meetings-widget-title">
      <Typography
        variant="h5"
        component="h2"
        id="network-meetings-widget-title"
        gutterBottom
      >
        {t('widget.title')}
      </Typography>
      {state.status !== 'done' && <Pending state={state} />}
      {state.status === 'done' && state.value.length === 0 && (
        <Typography paragraph>{t('widget.empty')}</Typography>
      )}
      {state.status === 'done' && state.value.length > 0 && (
        <ul>
          {state.value.map(m => (
            <li key={m.id}>
              <Link to={`/network-meetings/meetings/${m.id}`}>{m.title}</Link>
              <Typography variant="body2" component="span" display="block">
                {formatStart(m, language)}
              </Typography>
              <Typography variant="body2" component="span" display="block">
                <MeetingState meeting={m} />
              </Typography>
            </li>
          ))}
        </ul>
      )}
      <Link to="/network-meetings">{t('widget.open')}</Link>
    </section>
  );
}
