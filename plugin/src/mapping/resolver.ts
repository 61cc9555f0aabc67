/* Confirmed decisions, looked up the way the transforms ask for them. */
import type { CaseMapping } from '../transform/cases.js';
import type { CustomFieldMapping } from '../transform/customFields.js';
import { resolvedTarget, type MappingDecision } from './decisions.js';

export class DecisionResolver implements CaseMapping, CustomFieldMapping {
  private readonly byKey = new Map<string, MappingDecision>();
  private readonly memberByIdentifier = new Map<string, MappingDecision>();

  /**
   * @param decisions the settled decisions
   * @param fallbackOwnerId members mapped to this user are not treated as matched owners
   */
  public constructor(decisions: MappingDecision[], private readonly fallbackOwnerId: string) {
    for (const d of decisions) {
      this.byKey.set(`${d.kind}:${d.sourceKey}`, d);
      if (d.kind === 'member' && d.sourceContext) this.memberByIdentifier.set(d.sourceContext.toLowerCase(), d);
    }
  }

  public queueForBoard(boardId: number): string | undefined {
    const decision = this.byKey.get(`board:${boardId}`);
    return decision ? resolvedTarget(decision) : undefined;
  }

  public boardSkipped(boardId: number): boolean {
    return this.byKey.get(`board:${boardId}`)?.status === 'Skip';
  }

  public status(boardId: number, statusName: string): string | undefined {
    const decision = this.byKey.get(`status:${boardId}:${statusName}`);
    return decision ? resolvedTarget(decision) : undefined;
  }

  public priority(priorityId: number): string | undefined {
    const decision = this.byKey.get(`priority:${priorityId}`);
    return decision ? resolvedTarget(decision) : undefined;
  }

  public userForMember(identifier: string): string | undefined {
    const decision = this.memberByIdentifier.get(identifier.toLowerCase());
    const target = decision ? resolvedTarget(decision) : undefined;
    return target && target !== this.fallbackOwnerId ? target : undefined;
  }

  /** The entitlement process of an agreement: its SLA's, else its type's; none when skipped. */
  public processFor(slaId: number | undefined, agreementTypeId: number | undefined): string | undefined {
    const sla = slaId === undefined ? undefined : this.byKey.get(`sla:${slaId}`);
    if (sla) return resolvedTarget(sla);
    const type = agreementTypeId === undefined ? undefined : this.byKey.get(`agreementType:${agreementTypeId}`);
    return type ? resolvedTarget(type) : undefined;
  }

  public fieldFor(object: string, customFieldId: number): string | undefined {
    const decision = this.byKey.get(`customField:${object}:${customFieldId}`);
    const target = decision ? resolvedTarget(decision) : undefined;
    return target?.slice(target.indexOf('.') + 1);
  }

  public optionFor(object: string, customFieldId: number, option: string): string | { asIs: true } | { skip: true } {
    const decision = this.byKey.get(`customFieldOption:${object}:${customFieldId}:${option}`);
    if (decision?.status === 'Create') return { asIs: true };
    const target = decision ? resolvedTarget(decision) : undefined;
    return target ?? { skip: true };
  }
}
