import fc from 'fast-check';

/** JSON-like values, as a parsed body or query holds them. */
export type Json =
  | null
  | boolean
  | number
  | string
  | Json[]
  | { [key: string]: Json };

const HUGE = 'å'.repeat(70_000); // over the 64 kB body limit in UTF-8
const LONG = 'x'.repeat(5_001);

/** Strings that no field of the portal takes as they are. */
export const BAD_STRINGS: string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0007\u001b[31m',
  '\u007f',
  '\ud800', // lone surrogate: not encodable as UTF-8
  'x\udfffy',
  LONG,
  'ÅÄÖ'.repeat(400),
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '+275760-09-13',
  '99999-12-31',
  '2026-02-29',
  '2026-1-1',
  '2026-03-29T02:30', // not a wall-clock time in Stockholm (spring forward)
  '2026-10-25T02:30', // twice in Stockholm (fall back)
  '2026-03-29T24:00',
  '2026-03-29T23:60',
  '2026-03-29T12:00:00+25:00',
  '2026-03-29T12:00Z',
  'Europe/Nowhere',
  'NaN',
  'Infinity',
  '-1',
  '1e400',
  '0x10',
  '１２', // full-width digits
  '00000000-0000-0000-0000-000000000000',
  'user:default/',
  'group:default/x',
  '../../etc/passwd',
  '%00',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '__proto__',
  'true',
  'null',
];

export const BAD_NUMBERS: number[] = [
  -1,
  0,
  -0,
  0.5,
  1.1,
  1e308,
  -1e308,
  2 ** 53 + 2,
  Number.MAX_SAFE_INTEGER,
  1e21,
  5e-324,
  101,
  100_000,
];

/** Keys a caller might try to slip in (mass assignment) and plain unknown ones. */
export const UNKNOWN_KEYS = [
  'status',
  'state',
  'honorariumOre',
  'honorarium',
  'createdBy',
  'owner',
  'userRef',
  'id',
  'role',
  'approvedBy',
  'constructor',
  '__proto__',
  'x',
  'ÅÄÖ',
];

export const badLeafArb: fc.Arbitrary<Json> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<Json>(...BAD_STRINGS) },
  { weight: 3, arbitrary: fc.constantFrom<Json>(...BAD_NUMBERS) },
  {
    weight: 2,
    arbitrary: fc.constantFrom<Json>(null, true, false, [], {}, [null], {
      a: 1,
    }),
  },
  { weight: 1, arbitrary: fc.constant<Json>(HUGE) },
  {
    weight: 1,
    arbitrary: fc.constant<Json>(Array.from({ length: 3000 }, () => 'x')),
  },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.double() as fc.Arbitrary<Json> },
  { weight: 1, arbitrary: fc.integer() },
);

type Path = Array<string | number>;

/** Every path to a node of a value (the root is []). */
function pathsOf(value: Json, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) {
    value.forEach((v, i) => pathsOf(v, [...path, i], out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...path, k], out);
  }
  return out;
}

function clone(value: Json): Json {
  return JSON.parse(JSON.stringify(value));
}

function parentOf(root: Json, path: Path): any {
  let node: any = root;
  for (const step of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = node[step];
  }
  return node;
}

/** How a valid value is made wrong. */
export type Mutation =
  | { kind: 'replace'; path: Path; value: Json }
  | { kind: 'delete'; path: Path }
  | { kind: 'add'; path: Path; key: string; value: Json }
  | { kind: 'grow'; path: Path; times: number };

export function applyMutation(base: Json, m: Mutation): Json {
  if (m.path.length === 0 && m.kind === 'replace') return m.value;
  const root = clone(base);
  const parent = m.path.length ? parentOf(root, m.path) : undefined;
  const last = m.path[m.path.length - 1];
  if (m.path.length && (parent === null || typeof parent !== 'object')) {
    return root; // an earlier mutation replaced what this one would change
  }
  switch (m.kind) {
    case 'replace':
      parent[last] = m.value;
      break;
    case 'delete':
      if (!m.path.length) break;
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
      break;
    case 'add': {
      const target = m.path.length ? parent[last] : root;
      if (target && typeof target === 'object' && !Array.isArray(target)) {
        Object.defineProperty(target, m.key, {
          value: m.value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      break;
    }
    case 'grow': {
      const target = m.path.length ? parent[last] : root;
      if (Array.isArray(target) && target.length) {
        const more = Array.from({ length: m.times }, (_, i) =>
          clone(target[i % target.length]),
        );
        target.push(...more);
      }
      break;
    }
    default:
  }
  return root;
}

/** Mutations of a given valid value (one to three at once). */
export function mutationsOf(base: Json): fc.Arbitrary<Mutation[]> {
  const paths = pathsOf(base);
  const containers = paths.filter(p => {
    const node = p.length ? parentOf(base, p)[p[p.length - 1]] : base;
    return node !== null && typeof node === 'object';
  });
  const one: fc.Arbitrary<Mutation> = fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({
        kind: fc.constant('replace' as const),
        path: fc.constantFrom(...paths),
        value: badLeafArb,
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('delete' as const),
        path: fc.constantFrom(...(paths.length > 1 ? paths.slice(1) : paths)),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('add' as const),
        path: fc.constantFrom(...containers),
        key: fc.constantFrom(...UNKNOWN_KEYS),
        value: badLeafArb,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('grow' as const),
        path: fc.constantFrom(...containers),
        times: fc.constantFrom(20, 200, 2500),
      }),
    },
  );
  return fc.array(one, { minLength: 1, maxLength: 3 });
}

/** A wrong value made from a valid one: the mutations and the result. */
export function badValueArb(validArb: fc.Arbitrary<unknown>) {
  return validArb.chain(base =>
    mutationsOf(base as Json).map(mutations => ({
      base: base as Json,
      mutations,
      value: mutations.reduce(
        (v, m) => applyMutation(v, m),
        clone(base as Json),
      ),
    })),
  );
}
