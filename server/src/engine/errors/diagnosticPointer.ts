// Where in a client's text the linter reports a given code: the pointer from Hydra's answer back
// to our diagnostic (1-based line numbers, as people read them).
import { analyseDocument } from '../clientDocument';
import type { DocumentLanguage } from '../document/documentModel';
import { DEFAULT_SETTINGS } from '../engineSettings';
import { HYDRA_RULES } from '../rules';
import type { HydraVersion } from '../schema/clientSchema';

export interface ClientSource {
  text: string;
  language: DocumentLanguage;
  hydraVersion?: HydraVersion;
}

export function linesWithCode(source: ClientSource, code: string): number[] {
  // The oauth2-client: scheme makes any text a client file, whatever its content.
  const settings = { ...DEFAULT_SETTINGS, hydraVersion: source.hydraVersion ?? DEFAULT_SETTINGS.hydraVersion };
  const doc = analyseDocument(`oauth2-client://pointer/client.${source.language}`, 0, source.text, source.language, settings, HYDRA_RULES);
  return [...new Set(doc.diagnostics().filter((d) => d.code === code).map((d) => d.range.start.line + 1))];
}
