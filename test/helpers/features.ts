// Engine-level feature tests: analyse a text with a `|` caret, as the server would.
import { analyseDocument, type ClientDocument } from '../../server/src/engine/clientDocument';
import { parseDocument } from '../../server/src/engine/document/parseDocument';
import { DEFAULT_SETTINGS } from '../../server/src/engine/engineSettings';
import { HYDRA_RULES } from '../../server/src/engine/rules';
import type { HydraVersion } from '../../server/src/engine/schema/clientSchema';
import { validateDocument } from '../../server/src/engine/validation/validateDocument';
import { caret } from './edits';

export type Lang = 'json' | 'yaml';

export function analyse(text: string, lang: Lang, name = `file:///w/c.oauth2-client.${lang}`): ClientDocument {
  return analyseDocument(name, 1, text, lang, DEFAULT_SETTINGS, HYDRA_RULES);
}

export function atCaret(src: string, lang: Lang) {
  const { text, offset, position } = caret(src);
  return { text, offset, position, doc: analyse(text, lang) };
}

/** Syntax problems after re-parsing (none expected after any edit we propose). */
export function syntaxErrors(text: string, lang: Lang): string[] {
  return parseDocument(text, lang).problems.filter((p) => p.code === 'syntax-error').map((p) => p.message);
}

/** Diagnostics codes (with Hydra's rules) for a text. */
export function diagnosticCodes(text: string, lang: Lang, hydraVersion: HydraVersion = 'v26'): string[] {
  return validateDocument(parseDocument(text, lang), { hydraVersion, rules: HYDRA_RULES }).map((d) => d.code);
}
