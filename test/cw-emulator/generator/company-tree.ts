/**
 * Parent links between companies: multi-level trees, orphans whose parent was deleted, and the
 * rare cycle a careless merge leaves behind. Assessments must report orphans and cycles, and the
 * Account load must resolve the hierarchy in waves by depth; this is the data that proves it.
 */
import { GeneratorContext } from './context.js';
import { CompanyDraft } from './companies.js';
import { References } from './references.js';

const MAX_DEPTH = 5;

/** Sets `parent` on a share of the drafts. The MSP's own company (index 0) never gets one. */
export function linkCompanyTree(
  context: GeneratorContext,
  refs: References,
  drafts: CompanyDraft[],
  gapIds: number[],
): void {
  const { random, options } = context;
  const roots: number[] = [];
  const children: number[] = [];
  for (let index = 1; index < drafts.length; index++) {
    const draft = drafts[index];
    if (gapIds.length > 0 && random.chance(options.rates.orphanCompany)) {
      const missingId = random.pick(gapIds);
      draft.parent = refs.company(missingId, `Merged${missingId}`, `${draft.name.split(' ')[0]} Holdings (merged)`);
      continue;
    }
    if (roots.length > 0 && random.chance(options.rates.childCompany)) {
      // Prefer existing children now and then, so some trees grow three to five levels deep.
      const deepen = children.length > 0 && random.chance(0.4);
      const parentIndex = deepen ? random.pick(children) : random.pick(roots);
      const parent = drafts[parentIndex];
      if (parent.depth < MAX_DEPTH) {
        draft.parent = parent.ref;
        draft.depth = parent.depth + 1;
        children.push(index);
        continue;
      }
    }
    roots.push(index);
  }
  linkCycles(context, drafts, roots);
}

/** Joins a few root companies into rings of two or three (A under B under A). */
function linkCycles(context: GeneratorContext, drafts: CompanyDraft[], roots: number[]): void {
  const { random, options } = context;
  let wanted = Math.round(options.rates.companyInCycle * drafts.length);
  // Cycles are rare by nature; a tenant big enough to be assessed should still hold one.
  if (drafts.length >= 50 && options.rates.companyInCycle > 0) wanted = Math.max(wanted, 2);
  const free = roots.filter((index) => !drafts[index].parent);
  while (wanted >= 2 && free.length >= 2) {
    const size = wanted >= 3 && free.length >= 3 && random.chance(0.5) ? 3 : 2;
    const ring = free.splice(random.int(0, free.length - size), size);
    ring.forEach((index, position) => {
      drafts[index].parent = drafts[ring[(position + 1) % ring.length]].ref;
    });
    wanted -= size;
  }
}
