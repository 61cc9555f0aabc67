/*
 * Copyright (c) 2026, cw-migrate contributors.
 * Licensed under the BSD 3-Clause license.
 */
import { expect } from 'chai';
import { decodeExport } from '../../../src/connectwise/csvExport/decode.js';
import { parseExportDate } from '../../../src/connectwise/csvExport/localTime.js';
import { syntheticId } from '../../../src/connectwise/csvExport/syntheticId.js';

describe('CSV export: decoding and dates', () => {
  it('reads UTF-8 with and without a BOM, UTF-16LE, and falls back to Windows-1252', () => {
    expect(decodeExport(Buffer.from([0xef, 0xbb, 0xbf, 0x5a, 0x6f, 0xc3, 0xab]))).to.deep.equal({
      text: 'Zoë',
      encoding: 'utf-8-bom',
    });
    expect(decodeExport(Buffer.from('Zoë', 'utf8'))).to.deep.equal({ text: 'Zoë', encoding: 'utf-8' });
    expect(decodeExport(Buffer.from([0xff, 0xfe, 0x5a, 0x00, 0xeb, 0x00]))).to.deep.equal({
      text: 'Zë',
      encoding: 'utf-16le',
    });
    // 0x92 is the curly apostrophe and 0xeb ë in Windows-1252; neither is valid UTF-8 here.
    expect(decodeExport(Buffer.from([0x4f, 0x92, 0x42, 0x20, 0x5a, 0x6f, 0xeb]))).to.deep.equal({
      text: 'O\u2019B Zoë',
      encoding: 'windows-1252',
    });
  });

  it('turns local times into UTC across daylight saving, and keeps dates alone at midnight UTC', () => {
    const ny = 'America/New_York';
    expect(parseExportDate('3/14/2024 2:05 PM', ny, 'MDY')).to.deep.equal({
      value: '2024-03-14T18:05:00Z',
      dateOnly: false,
    });
    expect(parseExportDate('1/2/2024 9:00 AM', ny, 'MDY')?.value).to.equal('2024-01-02T14:00:00Z');
    expect(parseExportDate('1/2/2024 12:15 AM', ny, 'MDY')?.value).to.equal('2024-01-02T05:15:00Z');
    expect(parseExportDate('14.03.2024 14:05', 'Europe/Berlin', 'DMY')?.value).to.equal('2024-03-14T13:05:00Z');
    expect(parseExportDate('2024-07-01 08:00:00', 'Australia/Sydney', 'MDY')?.value).to.equal('2024-06-30T22:00:00Z');
    expect(parseExportDate('3/14/2024', ny, 'MDY')).to.deep.equal({ value: '2024-03-14T00:00:00Z', dateOnly: true });
    expect(parseExportDate('  ', ny, 'MDY')).to.equal(undefined);
    expect(() => parseExportDate('31/31/2024', ny, 'MDY')).to.throw(RangeError);
    expect(() => parseExportDate('next Tuesday', ny, 'MDY')).to.throw(RangeError);
  });

  it('gives negative stand-in ids that stay the same for the same key, whatever its case', () => {
    const id = syntheticId('company', 'OBrien');
    expect(id).to.be.below(0);
    expect(syntheticId('company', ' obrien ')).to.equal(id);
    expect(syntheticId('contact', 'OBrien')).to.not.equal(id);
  });
});
