import { LoggerService } from '@backstage/backend-plugin-api';
import { Meeting } from '@internal/plugin-network-meetings-common';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { DateTime } from 'luxon';
import { Notice, ReminderBatch } from '../database/DatabaseMeetingStore';

/** "tisdag 30 mars 2027 kl. 18:00", in Europe/Stockholm. */
export function swedishTime(meeting: Meeting): string {
  return DateTime.fromISO(meeting.startsAt, { zone: meeting.timeZone })
    .setLocale('sv')
    .toFormat("cccc d LLLL yyyy 'kl.' HH:mm");
}

/**
 * Tells people about their meetings through Backstage notifications, in
 * Swedish (the portal's first language). A notification that cannot be
 * sent is logged; it never undoes the change it reports.
 */
export class Notifier {
  constructor(
    private readonly notifications: NotificationService,
    private readonly logger: LoggerService,
  ) {}

  private async send(
    notice: Notice,
    payload: { title: string; description: string; topic: string },
    severity: 'normal' | 'high' = 'normal',
  ) {
    if (!notice.userRefs.length) return;
    try {
      await this.notifications.send({
        recipients: { type: 'entity', entityRef: notice.userRefs },
        payload: {
          ...payload,
          link: `/network-meetings/meetings/${notice.meeting.id}`,
          severity,
          scope: `network-meetings:${notice.meeting.id}:${payload.topic}`,
        },
      });
    } catch (error) {
      this.logger.warn(
        `Could not send the ${payload.topic} notification for ${notice.meeting.id}`,
        error as Error,
      );
    }
  }

  promoted(notices: Notice[]) {
    return Promise.all(
      notices.map(n =>
        this.send(
          n,
          {
            title: `Du har fått en plats: ${n.meeting.title}`,
            description: `En plats blev ledig och du står inte längre på väntelistan. Välkommen ${swedishTime(
              n.meeting,
            )}.`,
            topic: 'network-meetings.promoted',
          },
          'high',
        ),
      ),
    );
  }

  cancelled(notices: Notice[]) {
    return Promise.all(
      notices.map(n =>
        this.send(
          n,
          {
            title: `Inställt: ${n.meeting.title}`,
            description: `Träffen ${swedishTime(n.meeting)} är inställd.`,
            topic: 'network-meetings.cancelled',
          },
          'high',
        ),
      ),
    );
  }

  moved(notice: Notice | undefined) {
    if (!notice) return Promise.resolve();
    return this.send(notice, {
      title: `Ny tid: ${notice.meeting.title}`,
      description: `Träffen är flyttad till ${swedishTime(notice.meeting)}.`,
      topic: 'network-meetings.moved',
    });
  }

  reminders(batches: ReminderBatch[]) {
    return Promise.all(
      batches.map(b =>
        this.send(b, {
          title: `${b.kind === 'week' ? 'Om en vecka' : 'I morgon'}: ${
            b.meeting.title
          }`,
          description: `Påminnelse: ${swedishTime(b.meeting)}${
            b.meeting.place ? `, ${b.meeting.place}` : ''
          }.`,
          topic: `network-meetings.reminder-${b.kind}`,
        }),
      ),
    );
  }
}
