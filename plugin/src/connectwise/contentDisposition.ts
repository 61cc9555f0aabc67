/*
 * Copyright (c) 2026, cw-migrate contributors.
 * Licensed under the BSD 3-Clause license.
 */

/**
 * The file name in a `Content-Disposition` header. ConnectWise sends it quoted, unquoted, or
 * (for non-ASCII names) as an RFC 5987 `filename*` (api-notes quirk 17); `filename*` wins
 * because it is the exact name, the plain `filename` being an ASCII stand-in.
 *
 * @example
 * fileNameFrom("attachment; filename=\"a b.pdf\"; filename*=UTF-8''%C3%A4%20b.pdf") // 'ä b.pdf'
 */
export function fileNameFrom(header: string | null): string | undefined {
  if (!header) return undefined;
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[2].trim().replace(/^"|"$/g, ''));
    } catch {
      // A malformed escape: fall back to the plain name below.
    }
  }
  const quoted = /filename\s*=\s*"((?:[^"\\]|\\.)*)"/i.exec(header);
  if (quoted) return quoted[1].replace(/\\(.)/g, '$1');
  const bare = /filename\s*=\s*([^;]+)/i.exec(header);
  return bare ? bare[1].trim() : undefined;
}
