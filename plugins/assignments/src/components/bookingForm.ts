import {
  AssignmentDetails,
  BookingRequest,
  bookingSchema,
} from '@internal/plugin-assignments-common';
import { toLocal } from './format';

/** The booking form as the person types it: text, split into fields. */
export type BookingForm = {
  title: string;
  type: string;
  description: string;
  unit: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  place: string;
  digitalLink: string;
  slots: Array<{ date: string; start: string; end: string }>;
  estimatedHours: string;
  peersWanted: string;
  experienceWanted: string;
  language: string;
  interestDeadline: string;
  costCentre: string;
};

export const EMPTY_FORM: BookingForm = {
  title: '',
  type: '',
  description: '',
  unit: '',
  contactName: '',
  contactEmail: '',
  contactPhone: '',
  place: '',
  digitalLink: '',
  slots: [{ date: '', start: '', end: '' }],
  estimatedHours: '',
  peersWanted: '1',
  experienceWanted: 'either',
  language: 'sv',
  interestDeadline: '',
  costCentre: '',
};

/** The form of an existing assignment, for editing it. */
export function formOf(a: AssignmentDetails): BookingForm {
  return {
    title: a.title,
    type: a.type,
    description: a.description,
    unit: a.unit,
    contactName: a.contactName,
    contactEmail: a.contactEmail,
    contactPhone: a.contactPhone ?? '',
    place: a.place ?? '',
    digitalLink: a.digitalLink ?? '',
    slots: a.slots.map(s => {
      const start = toLocal(s.start);
      return { date: start.date, start: start.time, end: toLocal(s.end).time };
    }),
    estimatedHours: String(a.estimatedHours),
    peersWanted: String(a.peersWanted),
    experienceWanted: a.experienceWanted,
    language: a.language,
    interestDeadline: a.interestDeadline,
    costCentre: a.costCentre,
  };
}

const text = (value: string) => value.trim() || undefined;
const number = (value: string) =>
  value.trim() === '' ? undefined : Number(value.replace(',', '.'));
const dateTime = (date: string, time: string) =>
  date && time ? `${date}T${time}` : undefined;

/** The request body the form makes; fields left empty are left out. */
export function requestOf(form: BookingForm): Record<string, unknown> {
  const body: Record<string, unknown> = {
    title: text(form.title),
    type: text(form.type),
    description: text(form.description),
    unit: text(form.unit),
    contactName: text(form.contactName),
    contactEmail: text(form.contactEmail),
    contactPhone: text(form.contactPhone),
    place: text(form.place),
    digitalLink: text(form.digitalLink),
    slots: form.slots.map(s => ({
      start: dateTime(s.date, s.start),
      // An end time before the start means the next day is not supported:
      // slots end on the day they start.
      end: dateTime(s.date, s.end),
    })),
    estimatedHours: number(form.estimatedHours),
    peersWanted: number(form.peersWanted),
    experienceWanted: text(form.experienceWanted),
    language: text(form.language),
    interestDeadline: text(form.interestDeadline),
    costCentre: text(form.costCentre),
  };
  for (const key of Object.keys(body)) {
    if (body[key] === undefined) delete body[key];
  }
  return body;
}

/** What is wrong with a field, as a key of `validation.*` and its values. */
export type FieldProblem = {
  key:
    | 'required'
    | 'tooShort'
    | 'tooLong'
    | 'email'
    | 'phone'
    | 'https'
    | 'placeOrLink'
    | 'slotsMin'
    | 'endAfterStart'
    | 'dateTime'
    | 'quarterHours'
    | 'number'
    | 'deadlineBeforeStart'
    | 'costCentre'
    | 'invalid';
  values?: Record<string, string>;
  /** The server's own words, when the problem came from it. */
  raw?: string;
};

/** Field key of an issue path: `title`, `slots`, `slots.0.end`. */
const fieldOf = (path: ReadonlyArray<PropertyKey>) =>
  path.map(String).join('.');

/** A zod issue as a problem with a translatable text. */
function problemOf(
  body: Record<string, unknown>,
  issue: {
    code: string;
    path: ReadonlyArray<PropertyKey>;
    message: string;
    input?: unknown;
    minimum?: unknown;
    maximum?: unknown;
    origin?: string;
  },
): FieldProblem {
  const field = String(issue.path[0]);
  if (issue.path.length === 1 && body[field] === undefined) {
    return { key: 'required' };
  }
  const min = String(issue.minimum ?? '');
  const max = String(issue.maximum ?? '');
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return { key: field === 'slots' ? 'dateTime' : 'required' };
  }
  switch (issue.message) {
    case 'must be after the start':
      return { key: 'endAfterStart' };
    case 'a place or a digital link is required':
      return { key: 'placeOrLink' };
    case 'must be on or before the first day of the assignment':
      return { key: 'deadlineBeforeStart' };
    case 'must be in steps of 0.25 hours':
      return { key: 'quarterHours' };
    case 'must be an https:// link':
    case 'must be a link':
      return { key: 'https' };
    case 'must have at least one time':
      return { key: 'slotsMin' };
    default:
  }
  if (issue.code === 'too_small' && issue.origin === 'string') {
    return { key: 'tooShort', values: { min } };
  }
  if (issue.code === 'too_big' && issue.origin === 'string') {
    return { key: 'tooLong', values: { max } };
  }
  if (field === 'estimatedHours') {
    return { key: 'number', values: { min: '0.25', max: '200' } };
  }
  if (field === 'peersWanted') {
    return { key: 'number', values: { min: '1', max: '20' } };
  }
  if (field === 'contactEmail') return { key: 'email' };
  if (field === 'contactPhone') return { key: 'phone' };
  if (field === 'costCentre') return { key: 'costCentre' };
  if (field === 'slots' || field === 'interestDeadline') {
    return { key: 'dateTime' };
  }
  return { key: 'invalid' };
}

/** Checks the form with the API's own schema; the first problem of each field. */
export function validate(form: BookingForm): {
  request?: BookingRequest;
  problems: Record<string, FieldProblem>;
} {
  const body = requestOf(form);
  const result = bookingSchema.safeParse(body);
  if (result.success) {
    return { request: result.data, problems: {} };
  }
  const problems: Record<string, FieldProblem> = {};
  for (const issue of result.error.issues) {
    const field = fieldOf(issue.path);
    problems[field] ??= problemOf(
      body,
      issue as Parameters<typeof problemOf>[1],
    );
  }
  // The schema's cross-field checks run only once every field is right;
  // say it at once here.
  if (!form.place.trim() && !form.digitalLink.trim()) {
    problems.place ??= { key: 'placeOrLink' };
  }
  const first = form.slots
    .map(s => s.date)
    .filter(Boolean)
    .sort()[0];
  if (first && form.interestDeadline && form.interestDeadline > first) {
    problems.interestDeadline ??= { key: 'deadlineBeforeStart' };
  }
  return { problems };
}

/**
 * The fields a server's 400 names: "Invalid body: title: must be at least
 * 3 characters; slots.0.end: must be after the start".
 */
export function serverProblems(message: string): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = {};
  const list = message.replace(/^Invalid \w+:\s*/, '');
  for (const part of list.split('; ')) {
    const match = /^([\w.]+(?:, [\w.]+)*): (.+)$/.exec(part);
    if (match) {
      for (const field of match[1].split(', ')) {
        problems[field] ??= { key: 'invalid', raw: match[2] };
      }
    }
  }
  return problems;
}
