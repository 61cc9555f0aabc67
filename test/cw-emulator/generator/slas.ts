/**
 * SLAs (`service/SLAs`, api-notes §6.9) with their per-priority targets
 * (`service/SLAs/{id}/priorities`). The nine impact × urgency cells name priorities; the targets
 * give respond, plan and resolve hours per priority. Hours are numbers with fractions, as the
 * spec types them.
 */
import { CwRecord } from '../types.js';
import { GeneratorContext } from './context.js';
import { References } from './references.js';

const SLAS: ReadonlyArray<readonly [name: string, basedOn: string, respond: number, plan: number, resolve: number]> = [
  ['Standard SLA', 'MyCalendar', 4, 8, 24],
  ['Premium 24x7', 'AllHours', 1, 2, 8],
  ['Best Effort', 'Customer', 8, 24, 72],
  ["Gov't Contract", 'Custom', 2, 4, 16],
];

const CELLS = [
  'hiImpactHiUrgency',
  'hiImpactMedUrgency',
  'hiImpactLowUrgency',
  'medImpactHiUrgency',
  'medImpactMedUrgency',
  'medImpactLowUrgency',
  'lowImpactHiUrgency',
  'lowImpactMedUrgency',
  'lowImpactLowUrgency',
];

/** Generates the SLAs and their priority targets. */
export function generateSlas(
  context: GeneratorContext,
  refs: References,
  priorities: CwRecord[],
): { slas: CwRecord[]; slaPriorities: CwRecord[] } {
  const slas: CwRecord[] = [];
  const slaPriorities: CwRecord[] = [];
  let targetId = 1;
  SLAS.forEach(([name, basedOn, respond, plan, resolve], index) => {
    const sla: CwRecord = { id: index + 1, name, basedOn, defaultFlag: index === 0, applicationOrder: index + 1 };
    if (basedOn === 'Custom') sla.customCalendar = refs.lookup('calendar', 1, 'Standard Calendar');
    CELLS.forEach((cell, cellIndex) => {
      // Urgent cells point at the most urgent priorities; an empty cell is left out.
      const priority = priorities[Math.min(priorities.length - 1, Math.floor(cellIndex / 2))];
      if (priority && !(cellIndex === 8 && index === 2)) sla[cell] = refs.priority(priority);
    });
    sla.respondHours = respond;
    sla.respondPercent = 100;
    sla.planWithin = plan;
    sla.planWithinPercent = 100;
    sla.resolutionHours = resolve;
    sla.resolutionPercent = 100;
    sla._info = { lastUpdated: context.between(context.startMs, context.endMs), updatedBy: context.updatedBy('zAdmin') };
    slas.push(sla);
    priorities.forEach((priority, rank) => {
      // Lower priorities get longer targets; "Do Not Respond" gets none at all on most SLAs.
      if (rank === priorities.length - 1 && index !== 1) return;
      const factor = 1 + rank * 0.75;
      slaPriorities.push({
        id: targetId++,
        priority: refs.priority(priority),
        respondHours: respond * factor,
        respondPercent: 100,
        planWithin: plan * factor,
        planWithinPercent: 100,
        resolutionHours: resolve * factor,
        resolutionPercent: rank === 0 ? 90 : 100,
        sla: refs.lookup('sla', sla.id, name),
        _info: { lastUpdated: String((sla._info as Record<string, string>).lastUpdated), updatedBy: 'zAdmin' },
      });
    });
  });
  return { slas, slaPriorities };
}
