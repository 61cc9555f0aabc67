/**
 * Salesforce record ids: 15 case-sensitive characters (3-character key prefix + 12 characters) and an 18-character
 * form whose 3-character suffix encodes, for each block of 5 characters, which ones are upper case. Clients may send
 * either form; the emulator stores and returns the 18-character form, as a real org does.
 */

const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ID_SHAPE = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/** The 3-character case-safe suffix of a 15-character id. */
export function idSuffix(id15: string): string {
  let suffix = '';
  for (let block = 0; block < 3; block++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const ch = id15.charCodeAt(block * 5 + i);
      if (ch >= 65 && ch <= 90) bits |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET[bits];
  }
  return suffix;
}

/**
 * The 18-character form of a 15- or 18-character id, or undefined when the text is not shaped like an id.
 * An 18-character input is re-derived from its first 15 characters, so a wrong suffix does not create a second id.
 */
export function toId18(text: string): string | undefined {
  if (!ID_SHAPE.test(text)) return undefined;
  const id15 = text.slice(0, 15);
  return id15 + idSuffix(id15);
}

/** Mints ids for one org: key prefix + a 2-character pod marker + a 10-character base-62 counter. */
export class IdFactory {
  private counters = new Map<string, number>();

  public next(keyPrefix: string): string {
    const n = (this.counters.get(keyPrefix) ?? 0) + 1;
    this.counters.set(keyPrefix, n);
    const id15 = keyPrefix + 'Em' + toBase62(n, 10);
    return id15 + idSuffix(id15);
  }
}

function toBase62(n: number, width: number): string {
  let out = '';
  let rest = n;
  while (rest > 0) {
    out = BASE62[rest % 62] + out;
    rest = Math.floor(rest / 62);
  }
  return out.padStart(width, '0');
}
