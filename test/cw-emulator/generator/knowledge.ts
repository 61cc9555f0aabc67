/**
 * Knowledge base (api-notes §6.12): categories, sub-categories and articles. Articles have no
 * company; they hang on a board and a category. `dateCreated` is a plain string in the spec.
 */
import { CwRecord } from '../types.js';
import { GeneratorContext } from './context.js';
import { References } from './references.js';

const CATEGORIES: ReadonlyArray<readonly [name: string, subs: readonly string[]]> = [
  ['Microsoft 365', ['Outlook', 'Teams', 'SharePoint & OneDrive']],
  ['Networking', ['VPN', 'Wi-Fi', 'Firewall']],
  ['Printing', ['Drivers', 'Scan to email']],
  ['Security', ['MFA', 'Phishing']],
];
const ARTICLES: ReadonlyArray<readonly [title: string, issue: string, resolution: string]> = [
  ['Outlook keeps asking for a password', 'Outlook prompts again and again after a password change.', 'Clear cached credentials in Credential Manager, then restart Outlook.'],
  ['VPN connects but no resources load', 'The tunnel is up but mapped drives and intranet fail.', 'Check split-DNS; flush the DNS cache (ipconfig /flushdns).'],
  ['Scan to email fails with "530 auth"', 'Copier cannot send scans since the mail change.', 'Use the SMTP relay connector; basic auth is off on Exchange Online.'],
  ['Re-register MFA for a user', 'User lost their phone.', '1\\. Revoke sessions\r\n2\\. Require re-registration\r\n3\\. Walk the user through setup'],
  ['Wi-Fi drops in the conference room', 'Clients roam to a distant AP.', 'Lower the 2.4 GHz power; enable band steering.'],
];

/** Generates categories, sub-categories and `articles` articles spread over the boards. */
export function generateKnowledgeBase(
  context: GeneratorContext,
  refs: References,
  boards: CwRecord[],
  articles: number,
): { kbCategories: CwRecord[]; kbSubCategories: CwRecord[]; kbArticles: CwRecord[] } {
  const { random } = context;
  const kbCategories: CwRecord[] = [];
  const kbSubCategories: CwRecord[] = [];
  let subId = 1;
  CATEGORIES.forEach(([name, subs], index) => {
    const category: CwRecord = { id: index + 1, name, location: refs.lookup('location', 2, 'Main Office'), _info: { lastUpdated: context.between(context.startMs, context.endMs) } };
    kbCategories.push(category);
    for (const sub of subs) kbSubCategories.push({ id: subId++, name: sub, category: refs.lookup('kbCategory', category.id, name), _info: { lastUpdated: context.between(context.startMs, context.endMs) } });
  });
  const kbArticles: CwRecord[] = [];
  for (let index = 0; index < articles; index++) {
    const [title, issue, resolution] = ARTICLES[index % ARTICLES.length];
    const categoryIndex = index % CATEGORIES.length;
    const created = context.between(context.startMs, context.endMs);
    const article: CwRecord = { id: index + 1, title: index < ARTICLES.length ? title : `${title} (${index + 1})`, issue, resolution, locationId: 2, businessUnitId: 10 };
    if (boards.length > 0 && random.chance(0.7)) article.board = refs.board(random.pick(boards));
    article.categoryId = categoryIndex + 1;
    if (random.chance(0.6)) article.subCategoryId = kbSubCategories.find((sub) => (sub.category as { id: number }).id === categoryIndex + 1)?.id;
    article.dateCreated = created;
    article.createdBy = 'zAdmin';
    article._info = { lastUpdated: created, updatedBy: context.updatedBy('zAdmin') };
    kbArticles.push(article);
  }
  return { kbCategories, kbSubCategories, kbArticles };
}
