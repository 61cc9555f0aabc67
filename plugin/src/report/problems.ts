/*
 * Every record that did not land exactly as it was in ConnectWise gets a line here: failed (the
 * org refused it), skipped (a decision said so), adjusted (it landed, but a value had to change or
 * move) or flagged (it landed as it was, but an admin should look at it, e.g. a duplicate email).
 */

export type Outcome = 'failed' | 'skipped' | 'adjusted' | 'flagged';

export interface Problem {
  outcome: Outcome;
  /** ConnectWise kind, e.g. "ticket". */
  sourceKind: string;
  sourceId: number | string;
  /** Salesforce object the record was meant for. */
  object: string;
  field?: string;
  reason: string;
  /** What the user can do about it, where there is something to do. */
  action?: string;
}

/** Collects problems in the order they are found and counts them per object and outcome. */
export class ProblemLog {
  private readonly items: Problem[] = [];

  public add(problem: Problem): void {
    this.items.push(problem);
  }

  public all(): readonly Problem[] {
    return this.items;
  }

  /** Distinct records of one object with a given outcome (a record can carry several lines). */
  public records(object: string, outcome: Outcome): Set<string> {
    return new Set(this.items.filter((p) => p.object === object && p.outcome === outcome).map((p) => String(p.sourceId)));
  }
}

export interface ProblemGroup {
  outcome: Outcome;
  object: string;
  field: string;
  /** The reason with its numbers and quoted values folded, so alike lines group together. */
  reason: string;
  records: number;
}

/** A 15- or 18-character Salesforce id (it has a digit; words of that length have none). */
const SALESFORCE_ID = /\b(?=[A-Za-z]*\d)[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?\b/g;

/** Groups problem lines by outcome, object, field and the shape of their reason; largest first. */
export function groupProblems(problems: readonly Problem[]): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup>();
  for (const p of problems) {
    const reason = p.reason
      .replace(/"[^"]*"/g, '"…"')
      .replace(SALESFORCE_ID, '<id>')
      .replace(/\b\d+\b/g, 'N');
    const key = [p.outcome, p.object, p.field ?? '', reason].join('\u0000');
    const group = groups.get(key) ?? { outcome: p.outcome, object: p.object, field: p.field ?? '', reason, records: 0 };
    group.records++;
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.records - a.records);
}
