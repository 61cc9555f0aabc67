/*
 * Copyright (c) 2026, cw-migrate contributors.
 * Licensed under the BSD 3-Clause license.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { StatementSync } from 'node:sqlite';
import type { SourceKind, WorkStore } from './workStore.js';

/** What the store knows about one downloaded document file. */
export interface DocumentFile {
  /** The document id (`system/documents/{id}`). */
  id: number;
  /** The name ConnectWise gave in `Content-Disposition`, else the document's `fileName`. */
  fileName: string;
  size: number;
  sha256: string;
  /** The document's `_info.lastUpdated` when it was downloaded; a newer one means download again. */
  lastUpdated?: string;
  /** Where the bytes are. */
  path: string;
}

/**
 * The bytes of ConnectWise documents, kept as files in a folder beside the work store
 * (`<store>.documents/<id>`) and listed in a table of the store. Files are streamed to disk, so a
 * tenant's attachments never sit in memory; each is written under a temporary name and renamed
 * once complete, so a killed download leaves no half file behind a "stored" row.
 *
 * @example
 * const files = new DocumentFiles(store);
 * await files.save('ticketDocuments', 17, response.body, { fileName: 'log.txt' });
 */
export class DocumentFiles {
  /** The folder the files are in. */
  public readonly dir: string;
  private readonly upsert: StatementSync;
  private readonly select: StatementSync;

  public constructor(store: WorkStore) {
    this.dir = store.path.replace(/\.sqlite$/, '') + '.documents';
    store.db.exec(`CREATE TABLE IF NOT EXISTS document_file (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL,
      file_name TEXT NOT NULL,
      size INTEGER NOT NULL,
      sha256 TEXT NOT NULL,
      last_updated TEXT
    )`);
    this.upsert = store.db.prepare(
      `INSERT INTO document_file (id, kind, file_name, size, sha256, last_updated) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, file_name = excluded.file_name, size = excluded.size,
         sha256 = excluded.sha256, last_updated = excluded.last_updated`,
    );
    this.select = store.db.prepare('SELECT * FROM document_file WHERE id = ?');
  }

  /** The stored file of a document, if it was downloaded. */
  public get(id: number): DocumentFile | undefined {
    const row = this.select.get(id) as Record<string, unknown> | undefined;
    if (!row) return undefined;
    const file: DocumentFile = {
      id,
      fileName: String(row.file_name),
      size: Number(row.size),
      sha256: String(row.sha256),
      path: this.pathOf(id),
    };
    if (typeof row.last_updated === 'string') file.lastUpdated = row.last_updated;
    return file;
  }

  /** Whether a document must be downloaded: never stored, or changed since (by `_info.lastUpdated`). */
  public needs(id: number, lastUpdated: string | undefined): boolean {
    const stored = this.get(id);
    return !stored || (lastUpdated !== undefined && stored.lastUpdated !== lastUpdated);
  }

  /** Opens a stored file for reading. */
  public open(id: number): Readable {
    return createReadStream(this.pathOf(id));
  }

  /**
   * Streams a document's bytes to its file and records it. The row is written only after the
   * file is complete and in place.
   */
  public async save(
    kind: SourceKind,
    id: number,
    body: Response['body'] | Readable,
    meta: { fileName: string; lastUpdated?: string },
  ): Promise<DocumentFile> {
    mkdirSync(this.dir, { recursive: true });
    const target = this.pathOf(id);
    const partial = `${target}.part`;
    const hash = createHash('sha256');
    let size = 0;
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, done): void {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    const source =
      body === null ? Readable.from([]) : body instanceof Readable ? body : Readable.fromWeb(body as WebReadableStream);
    try {
      await pipeline(source, measure, createWriteStream(partial));
    } catch (error) {
      rmSync(partial, { force: true });
      throw error;
    }
    renameSync(partial, target);
    const file: DocumentFile = { id, fileName: meta.fileName, size, sha256: hash.digest('hex'), path: target };
    if (meta.lastUpdated !== undefined) file.lastUpdated = meta.lastUpdated;
    this.upsert.run(id, kind, file.fileName, size, file.sha256, meta.lastUpdated ?? null);
    return file;
  }

  private pathOf(id: number): string {
    return join(this.dir, String(id));
  }
}
