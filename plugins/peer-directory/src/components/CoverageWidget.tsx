import { Link } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Typography from '@material-ui/core/Typography';
import { useEffect, useState } from 'react';
import { peerDirectoryApiRef } from '../api/PeerDirectoryApi';
import { peerDirectoryTranslationRef } from '../translation';

/** Home page widget: how much peer support the network offers right now. */
export function CoverageWidget() {
  const api = useApi(peerDirectoryApiRef);
  const { t } = useTranslationRef(peerDirectoryTranslationRef);
  const [totals, setTotals] = useState<{ supporters: number; peers: number }>();
  useEffect(() => {
    api
      .coverage()
      .then(({ regions }) =>
        setTotals({
          supporters: regions.reduce((n, r) => n + r.activePeerSupporters, 0),
          peers: regions.reduce((n, r) => n + r.peersAvailable, 0),
        }),
      )
      .catch(() => setTotals(undefined));
  }, [api]);
  return (
    <section aria-labelledby="peer-directory-widget-title">
      <Typography
        variant="h5"
        component="h2"
        id="peer-directory-widget-title"
        gutterBottom
      >
        {t('widget.title')}
      </Typography>
      {totals && (
        <Typography paragraph>
          {t('widget.summary', {
            supporters: String(totals.supporters),
            peers: String(totals.peers),
          })}
        </Typography>
      )}
      <Link to="/peer-directory">{t('widget.open')}</Link>
    </section>
  );
}
