// sector_identifier_uri: Hydra parses it, requires https, then fetches it on every create and update.
import type { ClientRule } from '../validation/validateDocument';
import { dialectFor, goParse } from './goUrl';
import { RuleCodes } from './ruleCodes';
import { hydraError, NO_FINDINGS, note, schemaErrorAt, spanAt, str, versionOf } from './ruleSupport';

/**
 * Hydra check 11. A parse failure is a hint Hydra shows. The https rule and the fetch are
 * debug-only in Hydra (the client sees only the generic "invalid client metadata" text), so the
 * https message is Hydra's debug text; the fetch cannot be checked here and gets a note.
 */
export const sectorIdentifierUri: ClientRule = (ctx) => {
  const uri = str(ctx.value, 'sector_identifier_uri');
  if (!uri) return NO_FINDINGS;
  const at = spanAt(ctx, ['sector_identifier_uri']);
  const { url, error } = goParse(uri, dialectFor(versionOf(ctx)));
  if (url?.scheme === 'https') return [note(at, 'information', RuleCodes.sectorIdentifierUriFetched,
    'Hydra fetches this URL whenever the client is created or updated: it must answer with a JSON array of strings that contains every redirect_uri exactly, or Hydra rejects the client.')];
  if (schemaErrorAt(ctx, at)) return NO_FINDINGS;
  return [url
    ? hydraError(at, RuleCodes.sectorIdentifierUriNotHttps, 'Value sector_identifier_uri must be an HTTPS URL but it is not.')
    : hydraError(at, RuleCodes.sectorIdentifierUriUnparsable, `Value of sector_identifier_uri could not be parsed because ${error}.`)];
};
