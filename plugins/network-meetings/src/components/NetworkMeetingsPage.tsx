import { Content, Header, Page } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Route, Routes } from 'react-router-dom';
import { networkMeetingsTranslationRef } from '../translation';
import { CalendarPage } from './CalendarPage';
import { EditMeetingPage, NewMeetingPage } from './MeetingForm';
import { MeetingPage } from './MeetingPage';

function Calendar() {
  const { t } = useTranslationRef(networkMeetingsTranslationRef);
  return (
    <Page themeId="home">
      <Header
        title={t('title')}
        subtitle={t('subtitle')}
        pageTitleOverride={t('title')}
      />
      <Content>
        <CalendarPage />
      </Content>
    </Page>
  );
}

/** The network meeting calendar's page, with its sub-pages. @public */
export function NetworkMeetingsPage() {
  return (
    <Routes>
      <Route path="new" element={<NewMeetingPage />} />
      <Route path="meetings/:id/edit" element={<EditMeetingPage />} />
      <Route path="meetings/:id" element={<MeetingPage />} />
      <Route path="*" element={<Calendar />} />
    </Routes>
  );
}
