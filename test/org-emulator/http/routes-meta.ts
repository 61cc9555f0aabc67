import { formatDateTime } from '../datetime.js';
import { objectUrls, type ObjectSchema } from '../schema/schema.js';
import { API_VERSIONS, type EmulatorState } from '../state.js';
import { notFound, ok, type ApiRequest, type Route, type ApiResponse } from './api.js';

/** Object-level describe properties also listed per object in the global describe. */
const GLOBAL_KEYS = [
  'activateable',
  'createable',
  'custom',
  'customSetting',
  'deepCloneable',
  'deletable',
  'deprecatedAndHidden',
  'feedEnabled',
  'hasSubtypes',
  'isInterface',
  'isSubtype',
  'keyPrefix',
  'label',
  'labelPlural',
  'layoutable',
  'mergeable',
  'mruEnabled',
  'name',
  'queryable',
  'replicateable',
  'retrieveable',
  'searchable',
  'triggerable',
  'undeletable',
  'updateable',
];

/** Versions, resources, identity, limits and describe: what clients call before touching data. */
export function metaRoutes(state: EmulatorState): Route[] {
  const { schema } = state.org;
  const identityUrl = (): string => `${state.instanceUrl}/id/${state.seeded.orgId}/${state.seeded.userId}`;
  const user = (): Record<string, unknown> => state.org.store.get('User', state.seeded.userId) ?? {};
  const objectOf = (name: string): ObjectSchema => {
    const obj = schema.get(name);
    if (!obj) throw notFound();
    return obj;
  };
  const summary = (name: string, version: string): Record<string, unknown> => {
    const obj = objectOf(name);
    const out: Record<string, unknown> = { associateEntityType: null, associateParentEntity: null };
    for (const key of GLOBAL_KEYS) out[key] = obj.describe[key] ?? (key === 'labelPlural' ? obj.describe.label : false);
    out.urls = objectUrls(obj.name, version);
    return out;
  };
  return [
    {
      method: 'GET',
      pattern: /^\/services\/data$/,
      handler: (): ApiResponse =>
        ok(API_VERSIONS.map((v) => ({ label: v.label, url: `/services/data/v${v.version}`, version: v.version }))),
    },
    {
      method: 'GET',
      pattern: /^$/,
      handler: (req): ApiResponse => {
        const base = `/services/data/v${req.version}`;
        const names = [
          'tooling',
          'metadata',
          'eclair',
          'folders',
          'prechatForms',
          'chatter',
          'tabs',
          'appMenu',
          'quickActions',
          'queryAll',
          'commerce',
          'wave',
          'iot',
          'analytics',
          'search',
          'smartdatadiscovery',
          'identity',
          'composite',
          'parameterizedSearch',
          'fingerprint',
          'theme',
          'nouns',
          'event',
          'serviceTemplates',
          'recent',
          'connect',
          'licensing',
          'limits',
          'process',
          'async-queries',
          'query',
          'jobs',
          'match',
          'emailConnect',
          'compactLayouts',
          'knowledgeManagement',
          'sobjects',
          'actions',
          'support',
        ];
        return ok(Object.fromEntries(names.map((n) => [n, n === 'identity' ? identityUrl() : `${base}/${n}`])));
      },
    },
    {
      method: 'GET',
      pattern: /^\/services\/oauth2\/userinfo$/,
      handler: (): ApiResponse => {
        const u = user();
        return ok({
          sub: identityUrl(),
          user_id: state.seeded.userId,
          organization_id: state.seeded.orgId,
          preferred_username: u.Username,
          nickname: u.CommunityNickname,
          name: u.Name,
          email: u.Email,
          email_verified: true,
          given_name: u.FirstName,
          family_name: u.LastName,
          zoneinfo: u.TimeZoneSidKey,
          profile: `${state.instanceUrl}/${state.seeded.userId}`,
          active: u.IsActive === true,
          user_type: 'STANDARD',
          language: u.LanguageLocaleKey,
          locale: u.LocaleSidKey,
          utcOffset: 0,
          updated_at: String(u.LastModifiedDate ?? formatDateTime(new Date())).replace('+0000', 'Z'),
          is_app_installed: true,
          urls: identityUrls(state.instanceUrl),
        });
      },
    },
    {
      method: 'GET',
      pattern: /^\/id\/(\w+)\/(\w+)$/,
      handler: (): ApiResponse => {
        const u = user();
        return ok({
          id: identityUrl(),
          asserted_user: true,
          user_id: state.seeded.userId,
          organization_id: state.seeded.orgId,
          username: u.Username,
          nick_name: u.CommunityNickname,
          display_name: u.Name,
          email: u.Email,
          first_name: u.FirstName,
          last_name: u.LastName,
          active: u.IsActive === true,
          user_type: 'STANDARD',
          language: u.LanguageLocaleKey,
          locale: u.LocaleSidKey,
          utcOffset: 0,
          urls: identityUrls(state.instanceUrl),
        });
      },
    },
    { method: 'GET', pattern: /^\/limits$/, handler: (): ApiResponse => ok(limits(state)) },
    {
      method: 'GET',
      pattern: /^\/sobjects$/,
      handler: (req): ApiResponse =>
        ok({ encoding: 'UTF-8', maxBatchSize: 200, sobjects: schema.all().map((o) => summary(o.name, req.version)) }),
    },
    {
      method: 'GET',
      pattern: /^\/sobjects\/(\w+)\/describe$/,
      handler: (req: ApiRequest, [name]): ApiResponse => {
        const obj = objectOf(name);
        return ok({ ...obj.describe, urls: objectUrls(obj.name, req.version) });
      },
    },
    {
      method: 'GET',
      pattern: /^\/sobjects\/(\w+)$/,
      handler: (req, [name]): ApiResponse => ok({ objectDescribe: summary(name, req.version), recentItems: [] }),
    },
  ];
}

function identityUrls(instanceUrl: string): Record<string, string> {
  const data = `${instanceUrl}/services/data/v{version}`;
  return {
    enterprise: `${instanceUrl}/services/Soap/c/{version}`,
    partner: `${instanceUrl}/services/Soap/u/{version}`,
    rest: `${data}/`,
    sobjects: `${data}/sobjects/`,
    search: `${data}/search/`,
    query: `${data}/query/`,
    profile: `${instanceUrl}/`,
  };
}

function limits(state: EmulatorState): Record<string, { Max: number; Remaining: number }> {
  const limit = (max: number, used = 0): { Max: number; Remaining: number } => ({
    Max: max,
    Remaining: Math.max(0, max - used),
  });
  return {
    DailyApiRequests: limit(state.usage.max, state.usage.used),
    DailyBulkApiBatches: limit(15_000, state.jobCounters.bulkBatches ?? 0),
    DailyBulkV2QueryJobs: limit(10_000, state.jobCounters.bulkQueryJobs ?? 0),
    DailyBulkV2QueryFileStorageMB: limit(1_048_576),
    DataStorageMB: limit(1024),
    FileStorageMB: limit(10_240),
    ConcurrentAsyncGetReportInstances: limit(200),
    DailyAsyncApexExecutions: limit(250_000),
    SingleEmail: limit(5000),
    MassEmail: limit(5000),
  };
}
