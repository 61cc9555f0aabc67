import type { WhereClause } from '@jetstreamapp/soql-parser-js';
import { toId18 } from '../ids.js';
import type { OrgContext } from '../org-context.js';
import type { ObjectSchema } from '../schema/schema.js';
import type { StoredRecord } from '../store/table.js';
import { unquote } from './where.js';

/**
 * Rows that can possibly match a WHERE clause of the form `A AND B AND ...` (no OR, NOT or parentheses) when one
 * of its conditions is `Id`/an indexed field `= 'x'` or `IN ('x', ...)`. Returns undefined when the clause needs a
 * full scan. The full predicate is still applied to the rows returned, so this only narrows the scan: it keeps
 * lookups by external id fast at 100 000+ rows.
 */
// eslint-disable-next-line complexity -- two short walks over the WHERE chain
export function indexedCandidates(
  org: OrgContext,
  obj: ObjectSchema,
  where: WhereClause | undefined,
): StoredRecord[] | undefined {
  const table = org.store.table(obj.name);
  for (
    let node: WhereClause | undefined = where;
    node;
    node = 'right' in node ? (node.right as WhereClause | undefined) : undefined
  ) {
    const operator = 'operator' in node ? String(node.operator ?? '').toUpperCase() : '';
    if (operator !== '' && operator !== 'AND') return undefined;
    const left = node.left as {
      field?: string;
      operator?: string;
      literalType?: string | string[];
      value?: string | string[];
      openParen?: number;
      closeParen?: number;
      fn?: unknown;
    } | null;
    if (!left || (left.openParen ?? 0) > 0 || (left.closeParen ?? 0) > 0) return undefined;
  }
  for (
    let node: WhereClause | undefined = where;
    node;
    node = 'right' in node ? (node.right as WhereClause | undefined) : undefined
  ) {
    const left = node.left as {
      field?: string;
      operator?: string;
      literalType?: string | string[];
      value?: string | string[];
      fn?: unknown;
    };
    const field = left.field && !left.fn && !left.field.includes('.') ? obj.field(left.field) : undefined;
    const op = String(left.operator ?? '').toUpperCase();
    const types = Array.isArray(left.literalType) ? left.literalType : [left.literalType];
    if (!field || (op !== '=' && op !== 'IN') || types.some((t) => t !== 'STRING')) continue;
    const values = (Array.isArray(left.value) ? left.value : [left.value ?? '']).map(unquote);
    if (field.name === 'Id') {
      return values
        .map((v) => toId18(v))
        .flatMap((id) => {
          const row = id ? table.live.get(id) : undefined;
          return row ? [row] : [];
        });
    }
    if (!table.isIndexed(field.name)) continue;
    const ids = new Set(values.flatMap((v) => table.lookup(field.name, v)));
    return [...ids].map((id) => table.live.get(id)).filter((r): r is StoredRecord => r !== undefined);
  }
  return undefined;
}
