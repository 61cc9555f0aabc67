/*
 * Copyright (c) 2026, cw-migrate contributors.
 * Licensed under the BSD 3-Clause license.
 */

/**
 * Reads an RFC 8288 `Link` header into a map from relation to URL, e.g.
 * `<https://…&page=2>; rel="next", <https://…&page=9>; rel="last"` gives `{ next, last }`.
 * The URL inside the angle brackets is kept exactly, commas and all: ConnectWise's next link
 * carries the caller's conditions and `fields` lists, and must be followed unchanged.
 *
 * @param header The header value, or null when the response had none.
 * @param base The request URL, to resolve a relative link against.
 */
export function parseLinkHeader(header: string | null, base?: string): Record<string, string> {
  const links: Record<string, string> = {};
  if (!header) {
    return links;
  }
  const entry = /<([^>]*)>((?:\s*;\s*[^;,]+)*)/g;
  for (const match of header.matchAll(entry)) {
    const target = base ? new URL(match[1], base).toString() : match[1];
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(match[2]);
    const relations = (rel?.[1] ?? rel?.[2] ?? '').split(/\s+/).filter(Boolean);
    for (const relation of relations) {
      links[relation.toLowerCase()] ??= target;
    }
  }
  return links;
}
