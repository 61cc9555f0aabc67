/**
 * Ticket notes (`service/tickets/{id}/notes`). The first detail-description note carries the
 * ticket's description (the API never returns `initialDescription`); most tickets open with it,
 * a few open with an internal note first, and a few have no description at all. Note ids are
 * global and ascend with the tickets they belong to.
 */
import { CwRecord } from '../types.js';
import { GeneratorContext, isoSeconds } from './context.js';
import { descriptionText, followUpText } from './note-text.js';
import { References } from './references.js';

/** The ticket a batch of notes belongs to, with the people who may write them. */
export interface NoteSubject {
  ticket: CwRecord;
  contact?: CwRecord;
  owner?: CwRecord;
  technicians: CwRecord[];
  enteredMs: number;
  lastUpdatedMs: number;
}

type NoteKind = 'description' | 'discussion' | 'internal' | 'resolution';

/** The kinds of a ticket's notes, in order. */
function noteKinds(context: GeneratorContext, subject: NoteSubject, count: number): NoteKind[] {
  const { random, options } = context;
  const kinds: NoteKind[] = [];
  const described = !random.chance(options.rates.ticketWithoutDescription);
  if (described) {
    if (count > 1 && random.chance(0.03)) kinds.push('internal');
    kinds.push('description');
  }
  while (kinds.length < count) kinds.push(described && random.chance(0.5) ? 'discussion' : 'internal');
  kinds.length = count;
  if (subject.ticket.closedFlag === true && kinds[count - 1] !== 'description' && random.chance(0.7))
    kinds[count - 1] = 'resolution';
  return kinds;
}

/** Appends the notes of one ticket to `into`, drawing ids from `ids`. */
export function generateNotes(
  context: GeneratorContext,
  refs: References,
  subject: NoteSubject,
  ids: { next: number },
  into: CwRecord[],
): void {
  const { random, options } = context;
  const [min, max] = options.notesPerTicket;
  const kinds = noteKinds(context, subject, random.int(min, max));
  const step = (subject.lastUpdatedMs - subject.enteredMs) / kinds.length;
  kinds.forEach((kind, index) => {
    const fromCustomer =
      subject.contact !== undefined &&
      (kind === 'description' ? random.chance(0.7) : kind === 'discussion' && random.chance(0.4));
    const member = subject.owner ?? random.pick(subject.technicians);
    const id = ids.next;
    ids.next += random.chance(0.01) ? 2 : 1;
    const text =
      kind === 'description'
        ? descriptionText(
            context,
            String(subject.ticket.summary),
            fromCustomer ? String(subject.contact?.firstName) : String(member.firstName),
          )
        : followUpText(context);
    const createdMs = subject.enteredMs + step * index + random.next() * step * 0.5;
    const dateCreated = isoSeconds(createdMs);
    const author = fromCustomer ? random.pick(['EmailConnector', 'Portal']) : String(member.identifier);
    // Most notes are never edited, so lastUpdated is the creation time (and the same string).
    const lastUpdated = random.chance(0.9) ? dateCreated : isoSeconds(createdMs + random.int(1, 600) * 1000);
    const flags = { description: kind === 'description' || kind === 'discussion', internal: kind === 'internal' };
    const updatedBy = context.updatedBy(author);
    // One literal per note keeps every property inside the object itself, which matters at
    // half a million notes; the API's key order puts the author between the flags and the dates.
    const note: CwRecord =
      fromCustomer && subject.contact
        ? {
            id,
            ticketId: subject.ticket.id,
            text,
            detailDescriptionFlag: flags.description,
            internalAnalysisFlag: flags.internal,
            resolutionFlag: kind === 'resolution',
            issueFlag: false,
            contact: refs.contact(subject.contact),
            dateCreated,
            createdBy: author,
            internalFlag: flags.internal,
            externalFlag: !flags.internal,
            _info: { lastUpdated, updatedBy },
          }
        : {
            id,
            ticketId: subject.ticket.id,
            text,
            detailDescriptionFlag: flags.description,
            internalAnalysisFlag: flags.internal,
            resolutionFlag: kind === 'resolution',
            issueFlag: false,
            member: refs.member(member),
            dateCreated,
            createdBy: author,
            internalFlag: flags.internal,
            externalFlag: !flags.internal,
            _info: { lastUpdated, updatedBy },
          };
    into.push(note);
  });
}
