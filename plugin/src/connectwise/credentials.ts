/*
 * Copyright (c) 2026, cw-migrate contributors.
 * Licensed under the BSD 3-Clause license.
 */

/** ConnectWise connection settings as far as the environment provides them. */
export interface ConnectWiseCredentials {
  site?: string;
  codebase?: string;
  companyId?: string;
  publicKey?: string;
  privateKey?: string;
  clientId?: string;
}

const VARIABLES: Record<keyof ConnectWiseCredentials, string> = {
  site: 'CW_SITE',
  codebase: 'CW_CODEBASE',
  companyId: 'CW_COMPANY_ID',
  publicKey: 'CW_PUBLIC_KEY',
  privateKey: 'CW_PRIVATE_KEY',
  clientId: 'CW_CLIENT_ID',
};

/**
 * Reads `CW_SITE`, `CW_CODEBASE`, `CW_COMPANY_ID`, `CW_PUBLIC_KEY`, `CW_PRIVATE_KEY` and
 * `CW_CLIENT_ID`. A missing or blank variable gives an undefined field, so a command can fill
 * the gaps from its flags and report what is still missing by name.
 *
 * @example
 * const settings = { ...credentialsFromEnv(process.env), ...definedFlags };
 */
export function credentialsFromEnv(env: NodeJS.ProcessEnv = process.env): ConnectWiseCredentials {
  const credentials: ConnectWiseCredentials = {};
  for (const [field, variable] of Object.entries(VARIABLES) as Array<[keyof ConnectWiseCredentials, string]>) {
    const value = env[variable]?.trim();
    credentials[field] = value ? value : undefined;
  }
  return credentials;
}

/** The names of the environment variables, for messages that say what is missing. */
export function credentialVariable(field: keyof ConnectWiseCredentials): string {
  return VARIABLES[field];
}
