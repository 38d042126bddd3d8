import fc from 'fast-check';
import qs from 'qs';
import { z } from 'zod';
import { Request } from '../harness/http';
import { InputPart, RouteEntry } from '../routeTable';
import { BAD_STRINGS, badValueArb, Json } from './badValues';

/** One wrong request for a route, and what its error must name. */
export type FuzzCase = {
  /** Which part is wrong, e.g. `body`, `query`, `path id`. */
  part: string;
  /** How it was made wrong, for the failure report. */
  description: string;
  request: Request;
  /**
   * Names of which at least one must appear in a 400's message (the fields
   * the schema rejects); empty when any 4xx will do (e.g. malformed JSON).
   */
  names: string[];
};

/** The field names a schema's issues point at, as parseInput reports them. */
export function issueNames(
  schema: z.ZodType,
  value: unknown,
  where: string,
): string[] | undefined {
  if (where === 'body' && (value === null || typeof value !== 'object')) {
    // Not an object: refused before the route reads it, naming `body`.
    return value === undefined && schema.safeParse({}).success
      ? undefined
      : ['body'];
  }
  const result = schema.safeParse(value ?? {});
  if (result.success) return undefined;
  const names = new Set<string>();
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      issue.keys.forEach(k => names.add(k));
    } else {
      names.add(issue.path.length ? issue.path.join('.') : where);
    }
  }
  return [...names];
}

/** What express makes of a query string (its "extended" parser). */
export function parseQuery(text: string) {
  return qs.parse(text, { allowPrototypes: true, arrayLimit: 1000 });
}

const LONE_SURROGATE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Percent-encodes a path value; a lone surrogate becomes bytes that are not UTF-8. */
function encodePathValue(value: string): string {
  let out = '';
  for (const char of value) {
    try {
      out += encodeURIComponent(char);
    } catch {
      out += '%ED%A0%80';
    }
  }
  return out;
}

function fillPath(route: string, params: Record<string, string>) {
  return route.replace(/:(\w+)/g, (_m, name) => params[name]);
}

/** Raw query strings that no route takes. */
const RAW_QUERIES = [
  'limit=%C3%28', // invalid UTF-8
  'q=%00',
  'q=%',
  'limit=1&limit=2',
  'limit[a]=1',
  'a[b][c][d][e][f][g][h]=1',
  '__proto__[x]=1',
  'constructor[prototype][x]=1',
  `cursor=${'A'.repeat(600)}`,
  'cursor=WyJ4Il0', // base64url of ["x"]: not a cursor of ours
  'cursor=bm90IGpzb24',
  'limit=101',
  'limit=0',
  'limit=-5',
  'limit=1e3',
  'limit=1.5',
  'limit=',
  'from=2026-02-30',
  'to=2026-13-01',
  'from=2027-01-01&to=2026-01-01',
];

/** Path parameter values that are never ids. */
const BAD_PARAMS = [
  ...BAD_STRINGS.filter(s => s.length > 0 && s.length < 3000),
  'x'.repeat(3000),
];

/** Raw bodies that are not the JSON the route reads. */
function rawBodies(valid: unknown): Array<{
  description: string;
  rawBody: Buffer | string;
  contentType: string;
  /** Whether an empty object would be valid (then a 2xx is fine). */
  parsesAs?: unknown;
}> {
  const text = JSON.stringify(valid);
  // Invalid UTF-8 inside the first string value of the body.
  const firstString = text.indexOf('":"');
  const withBadBytes =
    firstString > 0
      ? Buffer.concat([
          Buffer.from(text.slice(0, firstString + 3)),
          Buffer.from([0xc3, 0x28, 0xff, 0xfe]),
          Buffer.from(text.slice(firstString + 3)),
        ])
      : Buffer.concat([
          Buffer.from('{"x":"'),
          Buffer.from([0xc3, 0x28]),
          Buffer.from('"}'),
        ]);
  return [
    {
      description: 'invalid UTF-8 in a string',
      rawBody: withBadBytes,
      contentType: 'application/json',
    },
    {
      description: 'truncated JSON',
      rawBody: text.slice(0, Math.max(1, text.length - 2)),
      contentType: 'application/json',
    },
    {
      description: 'not JSON',
      rawBody: 'title=x&unit=y',
      contentType: 'application/json',
    },
    {
      description: 'JSON nested 50,000 deep',
      rawBody: `${'['.repeat(50_000)}${']'.repeat(50_000)}`,
      contentType: 'application/json',
    },
    {
      description: 'a JSON string',
      rawBody: '"x"',
      contentType: 'application/json',
    },
    {
      description: 'JSON null',
      rawBody: 'null',
      contentType: 'application/json',
    },
    {
      description: 'an empty body',
      rawBody: '',
      contentType: 'application/json',
      parsesAs: {},
    },
    {
      description: 'JSON sent as text/plain',
      rawBody: text,
      contentType: 'text/plain',
      parsesAs: {},
    },
    {
      description: 'UTF-16 JSON',
      rawBody: Buffer.from(`\ufeff${text}`, 'utf16le'),
      contentType: 'application/json; charset=utf-16',
    },
  ];
}

function csvLine(values: unknown[]): string {
  return values
    .map(v => {
      let s = typeof v === 'object' ? JSON.stringify(v) : String(v);
      if (v === undefined || v === null) s = '';
      return `"${s.replace(/"/g, '""')}"`;
    })
    .join(';');
}

/**
 * Arbitrary wrong requests for one route: one part broken at a time, the
 * others valid (with real ids where the route takes one).
 */
export function fuzzCasesArb(options: {
  route: string;
  entry: RouteEntry;
  realParams: Record<string, string[]>;
  csv?: { fields: string[]; valid: fc.Arbitrary<Record<string, unknown>> };
}): fc.Arbitrary<FuzzCase> {
  const { route, entry, realParams } = options;
  const [method, pathTemplate] = route.split(' ');
  const paramNames = Object.keys(entry.params ?? {});

  const validParams: fc.Arbitrary<Record<string, string>> = paramNames.length
    ? fc.record(
        Object.fromEntries(
          paramNames.map(name => [
            name,
            realParams[name]?.length
              ? fc.constantFrom(...realParams[name])
              : (entry.params![name].valid as fc.Arbitrary<string>),
          ]),
        ),
      )
    : fc.constant({});
  const validQuery = entry.query
    ? (entry.query.valid as fc.Arbitrary<Record<string, unknown>>).map(q =>
        qs.stringify(q, { arrayFormat: 'repeat' }),
      )
    : fc.constant('');
  const validBody = entry.body ? entry.body.valid : fc.constant(undefined);

  const build = (
    params: Record<string, string>,
    query: string,
    body: { body?: unknown; rawBody?: Buffer | string; contentType?: string },
  ): Request => ({
    method,
    path: fillPath(pathTemplate, params),
    query,
    ...body,
  });

  const variants: Array<fc.Arbitrary<FuzzCase>> = [];

  for (const name of paramNames) {
    const param: InputPart = entry.params![name];
    const bad = fc
      .oneof(
        fc.constantFrom(...BAD_PARAMS),
        fc.string({ minLength: 1, maxLength: 60 }),
        param.valid.map(v => `${v}x`),
        param.valid.map(v => String(v).toUpperCase()),
      )
      .filter(v => !param.schema.safeParse(v).success);
    variants.push(
      fc
        .tuple(validParams, bad, validQuery, validBody)
        .map(([params, value, query, body]) => ({
          part: `path ${name}`,
          description: `${name} = ${JSON.stringify(value).slice(0, 120)}`,
          request: build(
            { ...params, [name]: encodePathValue(value) },
            query,
            body === undefined ? {} : { body },
          ),
          // A value that is not Unicode does not decode: any 4xx will do.
          names: LONE_SURROGATE.test(value) ? [] : [name],
        })),
    );
    // Percent-encoding that does not decode.
    variants.push(
      fc
        .tuple(validParams, fc.constantFrom('%', '%C3%28', '%E0%A4%A', '%ZZ'))
        .map(([params, raw]) => ({
          part: `path ${name}`,
          description: `${name} = raw ${raw}`,
          request: build(
            { ...params, [name]: raw },
            '',
            entry.body ? { body: {} } : {},
          ),
          names: [],
        })),
    );
  }

  if (entry.query) {
    const q = entry.query;
    variants.push(
      fc
        .tuple(validParams, badValueArb(q.valid), validBody)
        .map(([params, bad, body]) => {
          const text = qs.stringify(bad.value, { arrayFormat: 'repeat' });
          return {
            params,
            bad,
            body,
            text,
            names: issueNames(q.schema, parseQuery(text), 'query'),
          };
        })
        // Addresses over 8 kB are refused by the HTTP server itself (431,
        // see limits.test.ts), before any route.
        .filter(c => c.names !== undefined && c.text.length < 8000)
        .map(c => ({
          part: 'query',
          description: `?${c.text.slice(0, 200)}`,
          request: build(
            c.params,
            c.text,
            c.body === undefined ? {} : { body: c.body },
          ),
          names: c.names!,
        })),
    );
    variants.push(
      fc
        .tuple(validParams, fc.constantFrom(...RAW_QUERIES), validBody)
        .map(([params, text, body]) => ({
          params,
          text,
          body,
          names: issueNames(q.schema, parseQuery(text), 'query'),
        }))
        .filter(c => c.names !== undefined)
        .map(c => ({
          part: 'query',
          description: `?${c.text.slice(0, 200)}`,
          request: build(
            c.params,
            c.text,
            c.body === undefined ? {} : { body: c.body },
          ),
          names: c.names!,
        })),
    );
  }
  // A route without a query refuses nothing: unknown parameters are ignored
  // by routes that read no query, so those are not fuzzed.

  if (entry.body) {
    const b = entry.body;
    variants.push(
      fc
        .tuple(validParams, validQuery, badValueArb(b.valid))
        .map(([params, query, bad]) => ({
          params,
          query,
          bad,
          names: issueNames(b.schema, bad.value, 'body'),
        }))
        .filter(c => c.names !== undefined)
        .map(c => ({
          part: 'body',
          description: JSON.stringify(c.bad.mutations).slice(0, 300),
          request: build(c.params, c.query, { body: c.bad.value }),
          names: c.names!,
        })),
    );
    variants.push(
      fc
        .tuple(validParams, validQuery, b.valid)
        .chain(([params, query, valid]) =>
          fc.constantFrom(...rawBodies(valid)).map(raw => ({
            params,
            query,
            raw,
            names:
              raw.parsesAs === undefined
                ? []
                : issueNames(b.schema, raw.parsesAs, 'body'),
          })),
        )
        .filter(c => c.names !== undefined)
        .map(c => ({
          part: 'body',
          description: c.raw.description,
          request: build(c.params, c.query, {
            rawBody: c.raw.rawBody,
            contentType: c.raw.contentType,
          }),
          names: c.names!,
        })),
    );
  }

  if (options.csv) {
    const { fields, valid } = options.csv;
    variants.push(
      fc
        .tuple(
          fc.array(badValueArb(valid), { minLength: 0, maxLength: 4 }),
          fc.array(valid, { maxLength: 3 }),
          fc.constantFrom(';', ','),
          fc.boolean(),
        )
        .map(([bad, good, _sep, bom]) => {
          const rows = [
            ...good,
            ...bad.map(b => b.value as Record<string, unknown>),
          ];
          const lines = [
            fields.join(';'),
            ...rows.map(r =>
              csvLine(
                fields.map(f =>
                  r && typeof r === 'object' ? (r as any)[f] : r,
                ),
              ),
            ),
            // One row that is always wrong: the file must be refused whole.
            csvLine(fields.map(f => (f === 'unit' ? 'ingen enhet!' : ''))),
          ];
          return {
            part: 'body',
            description: `CSV with ${rows.length + 1} rows, ${
              bad.length + 1
            } wrong`,
            request: build({}, '', {
              rawBody: `${bom ? '\ufeff' : ''}${lines.join('\r\n')}`,
              contentType: 'text/csv',
            }),
            names: ['line'],
          };
        }),
    );
    variants.push(
      fc
        .constantFrom<Buffer | string>(
          '',
          '\ufeff',
          'unit;periodStart\n"unclosed',
          Buffer.from([0xff, 0xfe, 0x00, 0x41]),
          'x'.repeat(100_000),
          `unit;periodStart;periodEnd\n${'a;b;c\n'.repeat(6000)}`,
        )
        .map(rawBody => ({
          part: 'body',
          description: `CSV ${JSON.stringify(String(rawBody).slice(0, 40))}`,
          request: build({}, '', { rawBody, contentType: 'text/csv' }),
          names: [],
        })),
    );
  }

  if (!variants.length) {
    throw new Error(`${route}: nothing to fuzz (mark it noFuzz in the table)`);
  }
  return fc.oneof(...variants);
}

export type { Json };
