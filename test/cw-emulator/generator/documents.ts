/**
 * Documents (`system/documents`, api-notes §6.15): attachments on tickets, companies,
 * configurations, agreements and projects. A share are links (`urlFlag`) with no bytes, file
 * names include spaces, quotes and non-ASCII text, and the bytes themselves are not generated
 * here: the emulator makes `size` bytes from the id on download.
 */
import { CwRecord, DocumentEntry } from '../types.js';
import { GeneratorContext } from './context.js';

const FILES: readonly string[] = [
  'screenshot.png',
  'error log.txt',
  'Invoice #2231.pdf',
  'Prüfbericht – März.pdf',
  'network diagram v2.vsdx',
  '写真.jpg',
  "O'Brien signed quote.pdf",
  'résumé.docx',
  'export.csv',
];

/** Which records carry documents, with the share of records that have any. */
const SHARES: Record<string, number> = {
  Ticket: 0.08,
  Company: 0.1,
  Configuration: 0.03,
  Agreement: 0.2,
  Project: 0.3,
};

/** Generates documents for the records of one type, appending to `into` with ids from `ids`. */
export function generateDocuments(
  context: GeneratorContext,
  recordType: keyof typeof SHARES,
  records: CwRecord[],
  ids: { document: number },
  into: DocumentEntry[],
): void {
  const { random } = context;
  const share = SHARES[recordType] ?? 0;
  for (const record of records) {
    if (!random.chance(share)) continue;
    const count = random.weighted([1, 2, 3], [70, 22, 8]);
    const lastUpdated = String((record._info as Record<string, string> | undefined)?.lastUpdated ?? context.between(context.startMs, context.endMs));
    for (let index = 0; index < count; index++) {
      const id = ids.document++;
      const link = random.chance(0.1);
      const fileName = link ? `https://sharepoint.example.test/sites/clients/${record.id}/${id}` : random.pick(FILES);
      // Mostly small files, a few large ones, so a download crosses several network reads.
      const size = link ? 0 : random.chance(0.02) ? random.int(200_000, 400_000) : random.int(100, 12_000);
      const info: CwRecord = {
        id,
        title: link ? 'Client SharePoint folder' : fileName.replace(/\.[^.]+$/, ''),
        fileName,
        serverFileName: link ? '' : `${id}_${fileName.replace(/[^A-Za-z0-9.]/g, '_')}`,
        owner: random.pick(['zAdmin', 'EmailConnector', 'Portal']),
        linkFlag: false,
        imageFlag: /\.(png|jpg)$/.test(fileName),
        publicFlag: random.chance(0.3),
        htmlTemplateFlag: false,
        readOnlyFlag: false,
        size,
        urlFlag: link,
        guid: `d0c${String(id).padStart(5, '0')}-0000-4000-a000-${String(record.id).padStart(12, '0')}`,
        _info: { lastUpdated, updatedBy: context.updatedBy('zAdmin') },
      };
      into.push({ recordType, recordId: record.id, info });
    }
  }
}
