/** The portal's time zone: every wall-clock time and day is Swedish. */
const STOCKHOLM = 'Europe/Stockholm';

const PARTS = new Intl.DateTimeFormat('en-CA', {
  timeZone: STOCKHOLM,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

const HOUR = 3_600_000;

/** Stockholm's offset from UTC in ms, by hours since the epoch. */
const offsets = new Map<number, number>();

/**
 * Stockholm's offset from UTC during one UTC hour. Its offsets (+1, +2)
 * are whole hours and its clocks change on a whole UTC hour (01:00 UTC), so
 * every instant of a UTC hour has the same offset: asked of Intl once per
 * hour, not once per instant.
 */
function offsetOf(hour: number): number {
  let offset = offsets.get(hour);
  if (offset === undefined) {
    const parts: Record<string, number> = {};
    for (const p of PARTS.formatToParts(hour * HOUR)) {
      if (p.type !== 'literal') parts[p.type] = Number(p.value);
    }
    offset =
      Date.UTC(
        parts.year,
        parts.month - 1,
        parts.day,
        parts.hour,
        parts.minute,
      ) -
      hour * HOUR;
    if (offsets.size >= 100_000) offsets.clear();
    offsets.set(hour, offset);
  }
  return offset;
}

/** A date-time with a time but no offset: read as UTC, never as the host's zone. */
const NO_OFFSET = /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

function epochMs(instant: string | number | Date): number {
  let ms: number;
  if (typeof instant === 'string') {
    ms = Date.parse(NO_OFFSET.test(instant) ? `${instant}Z` : instant);
  } else if (typeof instant === 'number') {
    ms = instant;
  } else {
    ms = instant.getTime();
  }
  if (!Number.isFinite(ms)) throw new Error(`Not an instant: ${instant}`);
  return ms;
}

/**
 * The wall-clock time (`YYYY-MM-DDTHH:mm`) of an instant in
 * Europe/Stockholm: an ISO 8601 text, epoch milliseconds or a Date. Lists
 * ask it for every row; luxon's zone change and format took ten times as
 * long (docs/benchmarks.md).
 * @public
 */
export function stockholmWallClock(instant: string | number | Date): string {
  const ms = epochMs(instant);
  return new Date(ms + offsetOf(Math.floor(ms / HOUR)))
    .toISOString()
    .slice(0, 16);
}

/** The day (`YYYY-MM-DD`) an instant falls on in Europe/Stockholm. @public */
export function stockholmDay(instant: string | number | Date): string {
  return stockholmWallClock(instant).slice(0, 10);
}

/** The month (`YYYY-MM`) an instant falls in, in Europe/Stockholm. @public */
export function stockholmMonth(instant: string | number | Date): string {
  return stockholmWallClock(instant).slice(0, 7);
}
