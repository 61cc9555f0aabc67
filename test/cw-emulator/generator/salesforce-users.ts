/**
 * The Salesforce users a demo org should hold for a generated tenant, so member-to-user matching
 * has something real to do: most active members find a user with the same address, some only
 * when case is ignored (the user was created in lower case, the member typed it capitalised),
 * and some find none and must fall back to the default owner.
 */
import { CwRecord, Tenant } from '../types.js';

/** One User row for the demo org, in Salesforce field names. */
export interface SalesforceUser {
  FirstName?: string;
  LastName: string;
  Email: string;
  Username: string;
}

/** A stable hash of a member id into [0, 100), so the choice does not depend on array order. */
function bucket(id: number): number {
  return (Math.imul(id ^ 0x9e_37_79_b9, 0x85_eb_ca_6b) >>> 0) % 100;
}

/** Share of active members with an email who get no user: 10%. Inactive members: 70%. */
const ACTIVE_WITHOUT_USER = 10;
const INACTIVE_WITHOUT_USER = 70;

/**
 * Users to seed for the tenant's members. Every email is lower-cased, so a member whose
 * `primaryEmail` is mixed case matches only case-insensitively. Members without an email and the
 * built-in admin get no user. Usernames take a `.cwmdemo` suffix, as org usernames are global.
 */
export function salesforceUsersFor(tenant: Pick<Tenant, 'members'>): SalesforceUser[] {
  const users: SalesforceUser[] = [];
  for (const member of tenant.members) {
    const email = typeof member.primaryEmail === 'string' ? member.primaryEmail.trim() : '';
    if (!email || member.identifier === 'zAdmin') continue;
    const skip = member.inactiveFlag === true ? INACTIVE_WITHOUT_USER : ACTIVE_WITHOUT_USER;
    if (bucket(member.id) < skip) continue;
    users.push(toUser(member, email.toLowerCase()));
  }
  return users;
}

function toUser(member: CwRecord, email: string): SalesforceUser {
  const user: SalesforceUser = {
    LastName: String(member.lastName ?? member.identifier),
    Email: email,
    Username: `${email}.cwmdemo`,
  };
  if (typeof member.firstName === 'string' && member.firstName) user.FirstName = member.firstName;
  return user;
}
