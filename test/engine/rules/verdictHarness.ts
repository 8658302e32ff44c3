// Runs one verdict case through validateDocument with HYDRA_RULES, in JSON or in YAML.
import { stringify } from 'yaml';
import type { DocumentLanguage } from '../../../server/src/engine/document/documentModel';
import { parseDocument } from '../../../server/src/engine/document/parseDocument';
import { HYDRA_RULES } from '../../../server/src/engine/rules';
import type { HydraVersion } from '../../../server/src/engine/schema/clientSchema';
import { validateDocument } from '../../../server/src/engine/validation/validateDocument';
import { rangeText } from '../../helpers/text';
import type { ExpectedDiagnostic, HydraVerdictCase } from './verdictCase';

export function clientText(client: Record<string, unknown>, language: DocumentLanguage): string {
  return language === 'json' ? JSON.stringify(client, null, 2) : stringify(client);
}

/** The range's text without the quotes of a JSON or YAML string (or key). */
export function unquote(s: string): string {
  if (s.length >= 2 && s.startsWith('"') && s.endsWith('"')) return JSON.parse(s) as string;
  if (s.length >= 2 && s.startsWith("'") && s.endsWith("'")) return s.slice(1, -1).replace(/''/g, "'");
  return s;
}

export function runCase(c: HydraVerdictCase, version: HydraVersion, language: DocumentLanguage): ExpectedDiagnostic[] {
  const text = clientText(c.client, language);
  const diagnostics = validateDocument(parseDocument(text, language), {
    hydraVersion: version,
    rules: HYDRA_RULES,
    ...(c.options?.supportedSubjectTypes ? { supportedSubjectTypes: c.options.supportedSubjectTypes } : {}),
    ...(c.options?.committedToGit ? { documentFacts: { committedToGit: true } } : {}),
  });
  return diagnostics.map((d) => ({
    code: d.code,
    severity: d.severity,
    message: d.message,
    text: unquote(rangeText(text, d.range)),
    ...(d.data ? { data: d.data } : {}),
  }));
}

/** A stable, comparable form: the fields the expectation gives, in a fixed order. */
export function shape(d: ExpectedDiagnostic, like: ExpectedDiagnostic = d): string {
  return JSON.stringify([d.code, d.severity, like.message === undefined ? null : d.message, like.text === undefined ? null : d.text, like.data === undefined ? null : d.data ?? null]);
}
