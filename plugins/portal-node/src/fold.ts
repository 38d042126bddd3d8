/**
 * Folds text for search the Swedish way: case-insensitive, accents dropped
 * (`é` is `e`, `ü` is `u`), but å, ä and ö stay letters of their own, as
 * in the Swedish alphabet (`malmo` does not find `Malmö`). Danish and
 * Norwegian æ and ø fold to their Swedish counterparts ä and ö.
 */
export function foldSwedish(value: string): string {
  let out = '';
  for (const char of value.toLocaleLowerCase('sv-SE')) {
    if (char === 'å' || char === 'ä' || char === 'ö') {
      out += char;
    } else if (char === 'æ') {
      out += 'ä';
    } else if (char === 'ø') {
      out += 'ö';
    } else {
      out += char.normalize('NFD').replace(/\p{M}/gu, '');
    }
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** The words of a search query, folded, at most eight. */
export function queryTerms(q: string | undefined): string[] {
  if (!q) {
    return [];
  }
  return foldSwedish(q)
    .split(' ')
    .map(term => term.replace(/[^\p{L}\p{N}-]/gu, ''))
    .filter(term => term.length > 0)
    .slice(0, 8);
}

/** Escapes a term for use in LIKE with ESCAPE '\'. */
export function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, m => `\\${m}`);
}
