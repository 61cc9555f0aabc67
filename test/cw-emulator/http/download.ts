/**
 * `system/documents/{id}/download` (api-notes §6.15, quirk 17): raw bytes as
 * `application/octet-stream`, the file name in `Content-Disposition`. Real servers send the name
 * quoted, unquoted, or (for non-ASCII names) as an RFC 5987 `filename*`; the emulator rotates
 * through the three by document id so a client meets all of them.
 */
import { ServerResponse } from 'node:http';
import { DocumentEntry } from '../types.js';

/**
 * The bytes of a document that carries no `content`: `size` bytes made from its id, the same on
 * every download, so a client's stored file can be compared without keeping it in memory here.
 */
export function documentBytes(entry: DocumentEntry): Buffer {
  if (entry.content !== undefined) return Buffer.isBuffer(entry.content) ? entry.content : Buffer.from(entry.content);
  const size = typeof entry.info.size === 'number' ? entry.info.size : 0;
  const bytes = Buffer.alloc(size);
  let state = (entry.info.id * 2_654_435_761) >>> 0;
  for (let index = 0; index < size; index++) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    bytes[index] = state >>> 24;
  }
  return bytes;
}

/** The Content-Disposition header for a file name, in one of the forms ConnectWise uses. */
export function contentDisposition(fileName: string, id: number): string {
  // eslint-disable-next-line no-control-regex -- the test is exactly "ASCII only".
  if (!/^[\x20-\x7e]*$/.test(fileName)) {
    const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
    return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
  }
  return id % 2 === 0 && !/[\s;,]/.test(fileName)
    ? `attachment; filename=${fileName}`
    : `attachment; filename="${fileName.replace(/"/g, '')}"`;
}

/** Writes the download answer. */
export function sendDocument(response: ServerResponse, entry: DocumentEntry, headers: Record<string, string>): void {
  const bytes = documentBytes(entry);
  const name = String(entry.info.fileName ?? entry.info.title ?? `document-${entry.info.id}`);
  response.writeHead(200, {
    'content-type': 'application/octet-stream',
    'content-length': String(bytes.length),
    'content-disposition': contentDisposition(name, entry.info.id),
    ...headers,
  });
  response.end(bytes);
}
