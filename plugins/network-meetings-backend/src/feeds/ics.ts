import {
  MEETING_TIME_ZONE,
  Meeting,
} from '@internal/plugin-network-meetings-common';
import ical, { ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { tzlib_get_ical_block } from 'timezones-ical-library';

const KIND_SV: Record<Meeting['kind'], string> = {
  'network-meeting': 'Nätverksträff',
  'supervision-group': 'Handledningsgrupp',
  'recovery-college': 'Recovery College',
  'nordic-cooperation': 'Nordiskt samarbetsmöte',
  other: 'Träff',
};

/**
 * The VTIMEZONE of a zone. timezones-ical-library gives Stockholm as the
 * block of a zone with the same rules (Europe/Berlin, since 1980); the
 * block is named after the zone asked for, so that its TZID matches the
 * TZID of every DTSTART that refers to it (RFC 5545, 3.2.19).
 */
export function vtimezone(zone: string): string {
  const raw = tzlib_get_ical_block(zone);
  const block = Array.isArray(raw) ? raw[0] : String(raw);
  return block
    .replace(/^TZID:.*$/m, `TZID:${zone}`)
    .replace(/^X-LIC-LOCATION:.*$/m, `X-LIC-LOCATION:${zone}`);
}

/**
 * An iCalendar (RFC 5545) file of meetings: times with TZID
 * Europe/Stockholm and its VTIMEZONE, text escaped and lines folded by
 * ical-generator. Each meeting of a series is an event of its own (its UID
 * is the meeting's id), so a moved or cancelled one is simply that event.
 */
export function meetingsToIcs(
  meetings: Meeting[],
  options: { name: string; appBaseUrl: string },
): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: 'Peer support-portalen', product: 'Nätverksträffar' },
    timezone: { name: MEETING_TIME_ZONE, generator: vtimezone },
    ttl: 60 * 60,
  });
  for (const m of meetings) {
    const url = `${options.appBaseUrl}/network-meetings/meetings/${m.id}`;
    const description = [
      KIND_SV[m.kind],
      ...(m.agenda.length
        ? ['', 'Program:', ...m.agenda.map(item => `• ${item}`)]
        : []),
      ...(m.videoUrl ? ['', `Videolänk: ${m.videoUrl}`] : []),
      '',
      url,
    ].join('\n');
    let status = ICalEventStatus.CONFIRMED;
    if (m.status === 'cancelled') {
      status = ICalEventStatus.CANCELLED;
    } else if (m.myRsvp && m.myRsvp.status !== 'confirmed') {
      status = ICalEventStatus.TENTATIVE;
    }
    calendar.createEvent({
      id: `${m.id}@network-meetings`,
      start: DateTime.fromISO(m.startsAt).setZone(MEETING_TIME_ZONE),
      end: DateTime.fromISO(m.endsAt).setZone(MEETING_TIME_ZONE),
      timezone: MEETING_TIME_ZONE,
      stamp: DateTime.fromISO(m.updatedAt),
      lastModified: DateTime.fromISO(m.updatedAt),
      summary: m.status === 'cancelled' ? `INSTÄLLT: ${m.title}` : m.title,
      description,
      location: m.place ?? m.videoUrl ?? undefined,
      url,
      status,
      sequence: Math.floor(new Date(m.updatedAt).getTime() / 1000) % 2147483647,
    });
  }
  return calendar.toString();
}
