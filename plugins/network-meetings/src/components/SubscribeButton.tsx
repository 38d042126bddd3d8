import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { FeedStatus } from '@internal/plugin-network-meetings-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { Alert } from '@material-ui/lab';
import { useState } from 'react';
import { networkMeetingsApiRef } from '../api/NetworkMeetingsApi';
import { networkMeetingsTranslationRef } from '../translation';
import { errorMessage, useLanguage } from '@internal/plugin-portal-react';
import { formatDay } from './format';

/** "Prenumerera": the person's private feed address, with copy and revoke. */
export function SubscribeButton() {
  const api = useApi(networkMeetingsApiRef);
  const { t } = useTranslationRef(networkMeetingsTranslationRef);
  const language = useLanguage();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<FeedStatus>();
  const [url, setUrl] = useState<string>();
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<string>();

  const run = async (step: () => Promise<void>) => {
    setError(undefined);
    setMessage(undefined);
    try {
      await step();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const openDialog = () => {
    setOpen(true);
    setUrl(undefined);
    setMessage(undefined);
    run(async () => setStatus(await api.feedStatus()));
  };

  return (
    <>
      <Button variant="outlined" onClick={openDialog}>
        {t('subscribe.button')}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        aria-labelledby="nm-subscribe-title"
        fullWidth
        maxWidth="sm"
      >
        <DialogTitle id="nm-subscribe-title">
          {t('subscribe.heading')}
        </DialogTitle>
        <DialogContent>
          <Typography paragraph>{t('subscribe.intro')}</Typography>
          {url && (
            <TextField
              id="nm-feed-url"
              label={t('subscribe.url')}
              value={url}
              fullWidth
              variant="outlined"
              InputProps={{ readOnly: true }}
              onFocus={e => e.target.select()}
            />
          )}
          {!url && status?.active && status.createdAt && (
            <Typography paragraph>
              {t('subscribe.active', {
                date: formatDay(status.createdAt.slice(0, 10), language),
              })}
            </Typography>
          )}
          <div role="status">
            {message && <Alert severity="success">{message}</Alert>}
          </div>
          {error && (
            <Alert severity="error" role="alert">
              {t('error', { message: error })}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          {url && (
            <Button
              onClick={() =>
                run(async () => {
                  await window.navigator.clipboard.writeText(url);
                  setMessage(t('subscribe.copied'));
                })
              }
            >
              {t('subscribe.copy')}
            </Button>
          )}
          <Button
            color="primary"
            variant="contained"
            onClick={() =>
              run(async () => {
                const created = await api.createFeed();
                setUrl(created.url);
                setStatus({ active: true, createdAt: created.createdAt });
              })
            }
          >
            {status?.active ? t('subscribe.recreate') : t('subscribe.create')}
          </Button>
          {status?.active && (
            <Button
              onClick={() =>
                run(async () => {
                  await api.revokeFeed();
                  setUrl(undefined);
                  setStatus({ active: false });
                  setMessage(t('subscribe.revoked'));
                })
              }
            >
              {t('subscribe.revoke')}
            </Button>
          )}
          <Button onClick={() => setOpen(false)}>{t('subscribe.close')}</Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
