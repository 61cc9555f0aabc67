/*
 * The ConnectWise connection flags that `run` and `stage` share, and how they combine with the
 * CW_* environment variables into client settings.
 */
import { Messages } from '@salesforce/core';
import { Flags } from '@salesforce/sf-plugins-core';
import type { ConnectWiseClientOptions } from '../connectwise/client.js';
import { credentialsFromEnv } from '../connectwise/credentials.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('@cw-migrate/plugin', 'connectwise');

export const connectWiseFlags = {
  'cw-site': Flags.string({ summary: messages.getMessage('flags.cw-site.summary'), env: 'CW_SITE' }),
  'cw-company-id': Flags.string({ summary: messages.getMessage('flags.cw-company-id.summary'), env: 'CW_COMPANY_ID' }),
  'cw-public-key': Flags.string({ summary: messages.getMessage('flags.cw-public-key.summary'), env: 'CW_PUBLIC_KEY' }),
  'cw-private-key': Flags.string({ summary: messages.getMessage('flags.cw-private-key.summary'), env: 'CW_PRIVATE_KEY' }),
  'cw-client-id': Flags.string({ summary: messages.getMessage('flags.cw-client-id.summary'), env: 'CW_CLIENT_ID' }),
};

type ConnectWiseFlagValues = { [K in keyof typeof connectWiseFlags]?: string };

/** Client settings from the flags, each falling back to its environment variable. */
export function connectWiseSettings(flags: ConnectWiseFlagValues): ConnectWiseClientOptions {
  const env = credentialsFromEnv(process.env);
  return {
    site: flags['cw-site'] ?? env.site,
    codebase: env.codebase,
    companyId: flags['cw-company-id'] ?? env.companyId,
    publicKey: flags['cw-public-key'] ?? env.publicKey,
    privateKey: flags['cw-private-key'] ?? env.privateKey,
    clientId: flags['cw-client-id'] ?? env.clientId,
  } as ConnectWiseClientOptions;
}
