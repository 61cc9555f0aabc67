/*
 * Members without a Salesforce user can become inactive placeholder users, so their cases and
 * comments keep an owner and author of their own. Only where the org lets records be owned by
 * inactive users; elsewhere the run stops before it writes anything and says what to change.
 */
import { SfError } from '@salesforce/core';
import type { MappingDecision } from '../mapping/decisions.js';
import { loadRows } from '../salesforce/loader.js';
import { queryAll, type OrgContext } from '../salesforce/orgContext.js';
import type { CwMember } from '../transform/sourceTypes.js';
import { present } from '../transform/sourceTypes.js';
import { isValidEmail } from '../transform/contacts.js';
import { EXTERNAL_ID, type Row } from '../transform/rows.js';
import { findByCwId } from './beforeImages.js';
import { applyResults, statsFor, type LoadContext } from './context.js';

interface LocaleSettings {
  ProfileId: string;
  TimeZoneSidKey: string;
  LocaleSidKey: string;
  EmailEncodingKey: string;
  LanguageLocaleKey: string;
}

/** A username no real person has: email-shaped, unique to the member and the org. */
export function placeholderUsername(memberId: number, orgId: string): string {
  return `cw-member-${memberId}.${orgId.slice(0, 15).toLowerCase()}@placeholder.cw-migrate.invalid`;
}

/** The User row for one member: inactive, with the running user's locale and the Standard User profile. */
export function placeholderRow(member: CwMember, orgId: string, settings: LocaleSettings): Row {
  const username = placeholderUsername(member.id, orgId);
  const email = [member.primaryEmail, member.officeEmail].find((e) => present(e) && isValidEmail(e.trim()));
  const alias = (member.identifier ?? `cw${member.id}`).replace(/[^A-Za-z0-9]/g, '').slice(0, 8) || `cw${member.id}`.slice(0, 8);
  return {
    [EXTERNAL_ID]: String(member.id),
    Username: username,
    Email: email?.trim() ?? username,
    FirstName: present(member.firstName) ? member.firstName.slice(0, 40) : null,
    LastName: present(member.lastName) ? member.lastName.slice(0, 80) : member.identifier ?? `Member ${member.id}`,
    Alias: alias,
    IsActive: false,
    ...settings,
  };
}

const GRANT_INACTIVE_OWNERS =
  'Grant the running user "Update Records with Inactive Owners" (Setup > User Interface enables it, then a permission set grants it),';

/**
 * Placeholder users asked for where the running user may not own records with inactive users:
 * refused before anything is extracted or decided, so that the other way out still works.
 */
export function checkPlaceholdersAllowed(org: OrgContext, unmatchedMembers: 'fallback' | 'placeholder'): void {
  if (unmatchedMembers !== 'placeholder' || org.inactiveOwnersAllowed) return;
  throw new SfError(
    '--unmatched-members placeholder needs inactive users to own records, and the running user may not own records with inactive users.',
    'InactiveOwnersNotAllowed',
    [GRANT_INACTIVE_OWNERS, 'or run with --unmatched-members fallback, so records of unmatched members go to the fallback owner.']
  );
}

/** Creates (or finds again, by CW_Id__c) the placeholder users that decisions ask for. */
export async function createPlaceholderUsers(
  ctx: LoadContext,
  decisions: MappingDecision[],
  members: CwMember[]
): Promise<MappingDecision[]> {
  const wanted = decisions.filter((d) => d.kind === 'member' && d.status === 'Create');
  if (wanted.length === 0) return decisions;
  if (!ctx.org.inactiveOwnersAllowed) {
    throw new SfError(
      `${wanted.length} members are decided as new placeholder users, but the running user may not own records with inactive users.`,
      'InactiveOwnersNotAllowed',
      [
        GRANT_INACTIVE_OWNERS,
        'or give those members a user or the fallback owner instead: in the Mapping Workspace, or with sf cw migrate mapping export, changing their rows, and sf cw migrate mapping import.',
      ]
    );
  }
  const [settings] = await queryAll<LocaleSettings>(
    ctx.conn,
    `SELECT TimeZoneSidKey, LocaleSidKey, EmailEncodingKey, LanguageLocaleKey, ProfileId FROM User WHERE Id = '${ctx.org.runningUser.Id}'`
  );
  const [profile] = await queryAll<{ Id: string }>(ctx.conn, "SELECT Id FROM Profile WHERE Name = 'Standard User'");
  const byId = new Map(members.map((m) => [String(m.id), m]));
  const rows = wanted.map((d) => placeholderRow(byId.get(d.sourceKey)!, ctx.org.orgId, { ...settings, ProfileId: profile?.Id ?? settings.ProfileId }));
  statsFor(ctx, 'User').read += rows.length;
  // Whether each user is there already decides, after a crash, if the run created it (and rollback deactivates it).
  const existing = new Set((await findByCwId(ctx.conn, 'User', rows.map((r) => String(r[EXTERNAL_ID])))).map((f) => f.matchKey));
  const pending = rows.map((r, i) => ({ sourceKey: wanted[i].sourceKey, matchKey: String(r[EXTERNAL_ID]), existed: existing.has(String(r[EXTERNAL_ID])) }));
  const landed = await ctx.journal.writeAhead(ctx.runId, 'User', pending, async () => {
    const { results } = await loadRows(ctx.conn, { object: 'User', operation: 'upsert', externalIdField: EXTERNAL_ID, rows, api: 'rest' });
    return applyResults(
      ctx,
      'User',
      wanted.map((d) => ({ sourceKind: 'member', sourceId: d.sourceKey, sourceKey: d.sourceKey })),
      results
    );
  });
  // Later steps (pre-flight among them) must know these users as possible owners.
  rows.forEach((row, i) => {
    const id = landed.get(wanted[i].sourceKey);
    if (id && !ctx.org.users.some((u) => u.Id.slice(0, 15) === id.slice(0, 15))) {
      ctx.org.users.push({ Id: id, Username: String(row.Username), Email: String(row.Email), IsActive: false });
    }
  });
  return decisions.map((d) =>
    d.kind === 'member' && d.status === 'Create' && landed.has(d.sourceKey)
      ? { ...d, status: 'Confirmed', confirmedTarget: landed.get(d.sourceKey), proposedLabel: placeholderUsername(Number(d.sourceKey), ctx.org.orgId) }
      : d
  );
}
