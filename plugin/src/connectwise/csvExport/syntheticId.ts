/*
 * Copyright (c) 2026, cw-migrate contributors.
 * Licensed under the BSD 3-Clause license.
 */

/**
 * A stable stand-in id for a record an export names but does not number (a company by its
 * identifier, a contact by name and company, a board by name). It is negative, so it can never
 * equal a real ConnectWise id, and the same key gives the same id in every run, so a re-import
 * updates rather than duplicates. FNV-1a over the UTF-16 code units, folded to 31 bits.
 */
export function syntheticId(scope: string, key: string): number {
  let hash = 0x81_1c_9d_c5;
  const text = `${scope}\u0000${key.trim().toLowerCase()}`;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01_00_01_93);
  }
  return -((hash >>> 1) + 1);
}
