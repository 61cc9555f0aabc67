/*
 * Copyright (c) 2026, cw-migrate contributors.
 * Licensed under the BSD 3-Clause license.
 */

/** The encodings an export arrives in. */
export type ExportEncoding = 'utf-8-bom' | 'utf-8' | 'utf-16le' | 'windows-1252';

/**
 * Decodes an exported file. A byte-order mark decides when there is one (Excel writes UTF-8 with
 * a BOM, "Unicode text" as UTF-16LE); without one the bytes are tried as UTF-8, and anything
 * that is not valid UTF-8 is read as Windows-1252, the ANSI code page of US and Western European
 * Windows installations (api-notes §9).
 */
export function decodeExport(bytes: Uint8Array): { text: string; encoding: ExportEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}
