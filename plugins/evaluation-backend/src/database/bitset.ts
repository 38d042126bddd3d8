/**
 * Sets of small whole numbers (people's and units' numbers in ev_people and
 * ev_units) as bitsets: member n is bit n % 8 of byte n / 8. A rollup cell
 * keeps the set of the people who worked in it, so that the distinct people
 * of any union of cells (a quarter, twelve months, three regions) is the
 * number of bits in the OR of their sets: exact, and as fast for ten years
 * as for one month, whatever the number of facts.
 */

const BITS_IN_BYTE = new Uint8Array(256);
for (let i = 1; i < 256; i++) BITS_IN_BYTE[i] = (i & 1) + BITS_IN_BYTE[i >> 1];

/** The set as stored (a Buffer, or nothing for the empty set) plus members. */
export function withMembers(
  stored: Uint8Array | null | undefined,
  members: Iterable<number>,
): { set: Buffer; changed: boolean } {
  const list = [...members];
  const old = stored ?? new Uint8Array(0);
  let length = old.length;
  for (const n of list) length = Math.max(length, (n >> 3) + 1);
  const set = Buffer.alloc(length);
  set.set(old);
  let changed = false;
  for (const n of list) {
    const byte = n >> 3;
    const bit = 1 << (n & 7);
    if (!(set[byte] & bit)) {
      set[byte] |= bit;
      changed = true;
    }
  }
  return { set, changed };
}

/** The members of a stored set, ascending. */
export function membersOf(stored: Uint8Array | null | undefined): number[] {
  const members: number[] = [];
  if (!stored) return members;
  for (let byte = 0; byte < stored.length; byte++) {
    const value = stored[byte];
    if (!value) continue;
    for (let bit = 0; bit < 8; bit++) {
      if (value & (1 << bit)) members.push(byte * 8 + bit);
    }
  }
  return members;
}

/** The union of sets, growing as sets come in; its size is the distinct count. */
export class SetUnion {
  private bytes = new Uint8Array(0);

  add(stored: Uint8Array | null | undefined): void {
    if (!stored || !stored.length) return;
    if (stored.length > this.bytes.length) {
      const grown = new Uint8Array(stored.length);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    const bytes = this.bytes;
    for (let i = 0; i < stored.length; i++) bytes[i] |= stored[i];
  }

  /** Adds another union. */
  addUnion(other: SetUnion): void {
    this.add(other.bytes);
  }

  get size(): number {
    let n = 0;
    const bytes = this.bytes;
    for (let i = 0; i < bytes.length; i++) n += BITS_IN_BYTE[bytes[i]];
    return n;
  }
}
