import type { DocumentLanguage, ParsedDocument, Severity } from './documentModel';
import { maxNestingDepth, mayBeTooDeep } from './nestingDepth';
import { parseJsonStrict, parseJsonTolerant } from './parseJson';
import { parseYaml, parseYamlBlockStyle } from './parseYaml';

export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;
const LONE_CR = /\r(?!\n)/;
const LONE_CR_ALL = /\r(?!\n)/g;

/**
 * Parses JSON or YAML into the shared model. Never throws: problems come back as data.
 * `withTree`: an editing feature will read the tree first, so block-style YAML builds it in the
 * same pass as its values (JSON's values come from JSON.parse either way).
 */
export function parseDocument(text: string, language: DocumentLanguage, maxFileSize = DEFAULT_MAX_FILE_SIZE, withTree = false): ParsedDocument {
  if (text.length > maxFileSize) {
    const message = `This file is ${formatSize(text.length)}, above the ${formatSize(maxFileSize)} limit (setting oauth2Client.maxFileSize): it was not validated.`;
    return { ...unparsed(text, language, 'file-too-large', message, 'information'), skippedForSize: true };
  }
  // YAML parsers read a lone \r as text, LSP and our line index as a line break: parse with \n in its
  // place (same length, so every offset holds) and keep the original text.
  if (language === 'yaml' && text.includes('\r') && LONE_CR.test(text)) {
    return { ...parseDocument(text.replace(LONE_CR_ALL, '\n'), language, maxFileSize, withTree), text };
  }
  try {
    // Well-formed JSON and block-style YAML go through parsers that are safe at any depth; the
    // recursive parsers only get text whose nesting was checked first.
    const simple = language === 'json' ? parseJsonStrict(text) : parseYamlBlockStyle(text, withTree);
    if (simple) return simple;
    if (mayBeTooDeep(text, language)) {
      return unparsed(text, language, 'too-deep', `This file nests brackets more than ${maxNestingDepth(language)} levels deep: it was not validated.`, 'error');
    }
    return language === 'json' ? parseJsonTolerant(text) : parseYaml(text);
  } catch (e) {
    // Parsers are meant to report, not throw; if one does anyway, keep the server alive and say so.
    return unparsed(text, language, 'parse-failure', `The file could not be parsed: ${(e as Error).message}`, 'error');
  }
}

/** A document we did not parse, with the one problem that says why. */
function unparsed(text: string, language: DocumentLanguage, code: string, message: string, severity: Severity): ParsedDocument {
  return { language, text, documents: [], problems: [{ code, message, offset: 0, length: 0, severity }] };
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
