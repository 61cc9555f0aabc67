/*
 * Text is never cut. A value longer than its field is split into parts that each fit, every part
 * marked with its position so a reader (and verify) can put the whole back together.
 */

/** Marker put in front of every part of a split text; `partMarker(2, 3)` is "(part 2 of 3)\n". */
export function partMarker(part: number, total: number): string {
  return `(part ${part} of ${total})\n`;
}

/**
 * Splits `text` into parts that each fit, including the part marker: the first part at most
 * `limit` characters, the others at most `restLimit` (a case description holds more than the
 * comments that continue it). Prefers to break at a line end or a space in the last fifth of a
 * part so words stay whole, and never splits a surrogate pair. A text that fits is returned as one
 * unmarked part.
 */
export function splitText(text: string, limit: number, restLimit = limit): string[] {
  if (text.length <= limit) return [text];
  // The marker length depends on the number of parts; reserve room for up to 9999 parts.
  const reserve = partMarker(9999, 9999).length;
  const bodies: string[] = [];
  let rest = text;
  for (;;) {
    const room = (bodies.length === 0 ? limit : restLimit) - reserve;
    if (rest.length <= room) break;
    let cut = room;
    const window = rest.slice(Math.floor(room * 0.8), room);
    const breakAt = Math.max(window.lastIndexOf('\n'), window.lastIndexOf(' '));
    if (breakAt >= 0) cut = Math.floor(room * 0.8) + breakAt + 1;
    const code = rest.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    bodies.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  bodies.push(rest);
  return bodies.map((body, index) => partMarker(index + 1, bodies.length) + body);
}

/** Puts split parts back together; the inverse of {@link splitText}. */
export function joinParts(parts: string[]): string {
  if (parts.length === 1) return parts[0];
  return parts.map((part) => part.replace(/^\(part \d+ of \d+\)\n/, '')).join('');
}
