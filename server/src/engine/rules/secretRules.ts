// client_secret: long enough for Hydra, and better kept out of version control.
import type { ClientRule } from '../validation/validateDocument';
import { RuleCodes } from './ruleCodes';
import { byteLength, hydraError, NO_FINDINGS, note, spanAt, str } from './ruleSupport';

/** Hydra check 7: a non-empty client_secret needs at least 6 bytes (Go's len counts UTF-8 bytes). */
export const clientSecretLength: ClientRule = (ctx) => {
  const secret = str(ctx.value, 'client_secret');
  if (!secret || byteLength(secret) >= 6) return NO_FINDINGS;
  return [hydraError(spanAt(ctx, ['client_secret']), RuleCodes.clientSecretTooShort, 'Field client_secret must contain a secret that is at least 6 characters long.')];
};

/** Not a Hydra check: a secret in a file committed to git leaks with the repository. */
export const clientSecretInGit: ClientRule = (ctx) => {
  const secret = str(ctx.value, 'client_secret');
  if (!secret || ctx.options.documentFacts?.committedToGit !== true) return NO_FINDINGS;
  return [note(spanAt(ctx, ['client_secret']), 'information', RuleCodes.clientSecretInGit,
    'This file is committed to git, so this client_secret is shared with everyone who can read the repository. Keep it in a secret manager and inject it at deploy time, or omit client_secret and let Hydra generate one (the create response shows it once).')];
};
