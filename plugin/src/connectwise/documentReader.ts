/*
 * Copyright (c) 2026, cw-migrate contributors.
 * Licensed under the BSD 3-Clause license.
 */
import type { SourceKind } from '../store/workStore.js';
import type { RequestTally } from './client.js';
import { fileNameFrom } from './contentDisposition.js';
import type { ExtractContext } from './extractContext.js';

type DocumentInfo = Record<string, unknown> & { id?: unknown; _info?: { lastUpdated?: unknown } };

/** What downloading one parent's documents did. */
export interface DownloadOutcome {
  downloaded: number;
  bytes: number;
}

/**
 * Downloads the bytes of the listed documents that the store does not hold yet, or that changed
 * since (`_info.lastUpdated`), one after another and each in a request slot. Links (`urlFlag`,
 * `linkFlag`) have no bytes and are skipped (api-notes §6.15).
 */
export async function downloadDocuments(
  ctx: ExtractContext,
  kind: SourceKind,
  documents: DocumentInfo[],
  tally: RequestTally,
): Promise<DownloadOutcome> {
  const outcome: DownloadOutcome = { downloaded: 0, bytes: 0 };
  const files = ctx.files;
  if (!files) return outcome;
  for (const document of documents) {
    if (typeof document.id !== 'number' || document.urlFlag === true || document.linkFlag === true) continue;
    const id = document.id;
    const lastUpdated = typeof document._info?.lastUpdated === 'string' ? document._info.lastUpdated : undefined;
    if (!files.needs(id, lastUpdated)) continue;
    // One parent's files in turn: its lane holds no slot between them, so other steps get a go.
    // eslint-disable-next-line no-await-in-loop
    const file = await ctx.slots.run(() =>
      ctx.client.download(
        `system/documents/${id}/download`,
        (response) =>
          files.save(kind, id, response.body, {
            fileName: fileNameFrom(response.headers.get('content-disposition')) ?? String(document.fileName ?? id),
            lastUpdated,
          }),
        tally,
      ),
    );
    outcome.downloaded++;
    outcome.bytes += file.size;
  }
  return outcome;
}
