import { Link } from '@backstage/core-components';
import {
  appLanguageApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { Assignment } from '@internal/plugin-assignments-common';
import Typography from '@material-ui/core/Typography';
import { useEffect, useState } from 'react';
import { assignmentsApiRef } from '../api/AssignmentsApi';
import { assignmentsTranslationRef } from '../translation';
import { formatSlot } from './format';

/** Home page widget: the next few open assignments, and a link to the board. */
export function OpenAssignmentsWidget() {
  const api = useApi(assignmentsApiRef);
  const language = useApi(appLanguageApiRef).getLanguage().language;
  const { t } = useTranslationRef(assignmentsTranslationRef);
  const [open, setOpen] = useState<{ items: Assignment[]; total: number }>();
  useEffect(() => {
    let cancelled = false;
    api
      .listAssignments({ view: 'board', sort: 'date', limit: 5 })
      .then(list => {
        if (!cancelled) {
          setOpen({
            items: list.items,
            total: list.totalCount ?? list.items.length,
          });
        }
      })
      .catch(() => !cancelled && setOpen(undefined));
    return () => {
      cancelled = true;
    };
  }, [api]);
  return (
    <section aria-labelledby="assignments-widget-title">
      <Typography
        variant="h5"
        component="h2"
        id="assignments-widget-title"
        gutterBottom
      >
        {t('widget.title')}
      </Typography>
      {open && open.items.length === 0 && (
        <Typography paragraph>{t('widget.none')}</Typography>
      )}
      {open && open.items.length > 0 && (
        <>
          <Typography paragraph>
            {t('widget.count', { count: open.total })}
          </Typography>
          <ul style={{ paddingLeft: 20 }}>
            {open.items.map(a => (
              <li key={a.id} style={{ marginBottom: 8 }}>
                <Link to={`/assignments/${a.id}`}>{a.title}</Link>
                {a.slots[0] && (
                  <Typography variant="body2" color="textSecondary">
                    {formatSlot(
                      [...a.slots].sort((x, y) =>
                        x.start.localeCompare(y.start),
                      )[0],
                      language,
                    )}
                  </Typography>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <Link to="/assignments">{t('widget.open')}</Link>
    </section>
  );
}
