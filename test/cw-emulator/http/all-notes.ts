/**
 * `service/tickets/{id}/allNotes` (ServiceTicketNote, api-notes §6.4): the ticket's own notes
 * and the notes of its time entries in one list. Built per request from the two collections the
 * tenant already holds, so it costs no memory and always agrees with them.
 */
import { CwRecord } from '../types.js';

function ticketRef(ticket: CwRecord): Record<string, unknown> {
  return { id: ticket.id, summary: ticket.summary };
}

/** The allNotes answer for one ticket, in id order (time-entry ids and note ids are separate sequences). */
export function allNotesOf(ticket: CwRecord, notes: CwRecord[], timeEntries: CwRecord[]): CwRecord[] {
  const merged: CwRecord[] = notes.map((note) => {
    const entry: CwRecord = { id: note.id, noteType: 'TicketNote', ticket: ticketRef(ticket), text: note.text };
    for (const key of ['detailDescriptionFlag', 'internalAnalysisFlag', 'resolutionFlag', 'issueFlag', 'member', 'contact'])
      if (note[key] !== undefined) entry[key] = note[key];
    entry.isMarkdownFlag = false;
    entry.bundledFlag = false;
    entry.mergedFlag = false;
    if (note.createdBy !== undefined) entry.originalAuthor = note.createdBy;
    if (note._info !== undefined) entry._info = note._info;
    return entry;
  });
  for (const time of timeEntries) {
    // A time entry without notes shows nothing in the ticket's discussion.
    if (typeof time.notes !== 'string' || time.notes === '') continue;
    const entry: CwRecord = { id: time.id, noteType: 'TimeEntryNote', ticket: ticketRef(ticket), text: time.notes };
    entry.detailDescriptionFlag = time.addToDetailDescriptionFlag === true;
    entry.internalAnalysisFlag = time.addToInternalAnalysisFlag === true;
    entry.resolutionFlag = time.addToResolutionFlag === true;
    entry.timeStart = time.timeStart;
    if (time.timeEnd !== undefined) entry.timeEnd = time.timeEnd;
    entry.bundledFlag = false;
    entry.mergedFlag = false;
    if (time.member !== undefined) entry.member = time.member;
    if (time._info !== undefined) entry._info = time._info;
    merged.push(entry);
  }
  return merged.sort((a, b) => a.id - b.id);
}
