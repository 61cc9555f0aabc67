/**
 * Members (`system/members`): the MSP's technicians, dispatchers and managers, plus the
 * built-in admin account every tenant has.
 */
import { CwRecord } from '../types.js';
import { asciiSlug, DAY_MS, GeneratorContext } from './context.js';
import { FIRST_NAMES, LAST_NAMES, MEMBER_TITLES, PUNCTUATED_LAST_NAMES, UNICODE_PEOPLE } from './words.js';

/** The MSP's own mail domain; member emails live under it. */
export const MSP_DOMAIN = 'brightdesk-it.example.com';

/** The built-in admin member: no email, never a Salesforce user candidate. */
function adminMember(context: GeneratorContext): CwRecord {
  return {
    id: 100,
    identifier: 'zAdmin',
    firstName: 'z',
    lastName: 'Admin',
    licenseClass: 'F',
    inactiveFlag: false,
    hireDate: '2015-01-01T00:00:00Z',
    defaultEmail: 'Office',
    defaultPhone: 'Office',
    securityRole: { id: 63, name: 'Admin' },
    adminFlag: true,
    _info: { lastUpdated: context.between(context.startMs, context.endMs), updatedBy: 'zAdmin' },
  };
}

/** The same address with each word capitalised, as people type it into a profile: `Ann.Lee@Brightdesk-It.…`. */
function mixCase(email: string): string {
  return email.replace(
    /(^|[.@-])([a-z])/g,
    (_match, separator: string, letter: string) => separator + letter.toUpperCase(),
  );
}

function uniqueWithin(taken: Set<string>, wanted: string, maxLength: number): string {
  const base = wanted.slice(0, maxLength);
  let candidate = base;
  for (let suffix = 2; taken.has(candidate.toLowerCase()); suffix++) {
    candidate = base.slice(0, maxLength - String(suffix).length) + suffix;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** Generates the members of the tenant, ids ascending from 100. */
export function generateMembers(context: GeneratorContext): CwRecord[] {
  const { random, options } = context;
  const members: CwRecord[] = [adminMember(context)];
  const identifiers = new Set<string>(['zadmin']);
  const mailboxes = new Set<string>();
  for (let index = 1; index < options.members; index++) {
    let firstName: string = random.pick(FIRST_NAMES);
    let lastName: string = random.pick(LAST_NAMES);
    if (random.chance(options.rates.unicodeText)) [firstName, lastName] = random.pick(UNICODE_PEOPLE);
    else if (random.chance(options.rates.punctuatedName)) lastName = random.pick(PUNCTUATED_LAST_NAMES);

    const id = 100 + index * 3 + random.int(0, 2);
    const firstSlug = asciiSlug(firstName);
    const lastSlug = asciiSlug(lastName);
    // Greek or CJK names fold to nothing; ConnectWise still needs a login, so fall back to one.
    const login = firstSlug && lastSlug ? `${firstSlug[0]}${lastSlug}` : `tech${id}`;
    const identifier = uniqueWithin(identifiers, login, 15);
    const hireMs = context.startMs - random.int(0, 2000) * DAY_MS;
    const inactive = random.chance(options.rates.inactiveMember);
    const member: CwRecord = { id, identifier, firstName, lastName };
    member.title = random.pick(MEMBER_TITLES);
    member.licenseClass = random.weighted(['F', 'A', 'C'], [8, 1, 1]);
    member.inactiveFlag = inactive;
    if (inactive) member.inactiveDate = context.between(context.startMs, context.endMs);
    member.hireDate = context.between(hireMs, hireMs + DAY_MS);
    if (!random.chance(0.02)) {
      const local = firstSlug && lastSlug ? `${firstSlug}.${lastSlug}` : identifier;
      const mailbox = uniqueWithin(mailboxes, local.toLowerCase(), 64);
      const email = `${mailbox}@${MSP_DOMAIN}`;
      member.primaryEmail = random.chance(options.rates.memberEmailMixedCase) ? mixCase(email) : email;
      member.officeEmail = member.primaryEmail;
    }
    member.defaultEmail = 'Office';
    member.officePhone = `555-01${String(index % 100).padStart(2, '0')}-${String(1000 + (id % 9000))}`;
    member.defaultPhone = 'Office';
    member.securityRole = random.chance(0.1) ? { id: 63, name: 'Admin' } : { id: 64, name: 'Technician' };
    member.adminFlag = false;
    member.timeZone = random.pick([
      { id: 1, name: 'US Eastern' },
      { id: 2, name: 'US Central' },
      { id: 4, name: 'US Pacific' },
    ]);
    member._info = {
      lastUpdated: context.between(context.startMs, context.endMs),
      updatedBy: context.updatedBy(random.chance(0.5) ? 'zAdmin' : identifier),
    };
    members.push(member);
  }
  return members;
}
