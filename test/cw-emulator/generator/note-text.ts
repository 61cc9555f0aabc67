/**
 * Free text for ticket notes: short technician updates, customer replies with greetings and line
 * breaks (LF or CRLF, as mail and the web UI each store them), other scripts and emoji, pasted
 * HTML from the email connector, and now and then a pasted log or mail thread running to tens of
 * thousands of characters, longer than any Salesforce text field but a long text area.
 */
import { GeneratorContext } from './context.js';
import { LOG_LINES, NOTE_SENTENCES, UNICODE_SENTENCES } from './words.js';

/** Lengths a long note is drawn from: over the 4,000 of a CaseComment, sometimes near 40,000. */
const LONG_RANGE: readonly [number, number] = [4001, 12_000];
const VERY_LONG_RANGE: readonly [number, number] = [20_000, 40_000];

function sentences(context: GeneratorContext, count: number): string[] {
  const { random, options } = context;
  const lines: string[] = [];
  for (let index = 0; index < count; index++) {
    lines.push(random.chance(options.rates.unicodeText) ? random.pick(UNICODE_SENTENCES) : random.pick(NOTE_SENTENCES));
  }
  return lines;
}

function newline(context: GeneratorContext): string {
  return context.random.chance(0.3) ? '\r\n' : '\n';
}

/** Pads a note with pasted log and mail lines until it reaches a length in the long ranges. */
function lengthen(context: GeneratorContext, text: string): string {
  const { random, options } = context;
  const [min, max] = random.chance(options.rates.veryLongNoteShare) ? VERY_LONG_RANGE : LONG_RANGE;
  const target = random.int(min, max);
  const eol = newline(context);
  const parts = [text, '', '--- pasted output ---'];
  let length = text.length + 24;
  while (length < target) {
    const line = random.pick(LOG_LINES);
    parts.push(line);
    length += line.length + eol.length;
  }
  return parts.join(eol);
}

/** The text of a ticket's description: what the customer or dispatcher wrote when it came in. */
export function descriptionText(context: GeneratorContext, summary: string, signature: string): string {
  const { random } = context;
  const eol = newline(context);
  const body = sentences(context, random.int(1, 3)).join(' ');
  const text = random.chance(0.05)
    ? `<div>Hello,</div><div><br></div><div>${summary}</div><div>${body}</div>`
    : ['Hi team,', '', `${summary}.`, body, '', 'Thanks,', signature].join(eol);
  return maybeLong(context, text);
}

/** The text of a follow-up note: a technician's update or a customer reply. */
export function followUpText(context: GeneratorContext): string {
  const { random } = context;
  const text = sentences(context, random.int(1, 4)).join(random.chance(0.5) ? newline(context) : ' ');
  return maybeLong(context, text);
}

function maybeLong(context: GeneratorContext, text: string): string {
  return context.random.chance(context.options.rates.longNote) ? lengthen(context, text) : text;
}
