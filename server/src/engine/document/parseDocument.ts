import type { DocumentLanguage, ParsedDocument } from './documentModel';
import { flowNestingDepth, MAX_NESTING_DEPTH } from './nestingDepth';
import { parseJson } from './parseJson';
import { parseYaml } from './parseYaml';

export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

/** Parses JSON or YAML into the shared model. Never throws: problems come back as data. */
export function parseDocument(text: string, language: DocumentLanguage, maxFileSize = DEFAULT_MAX_FILE_SIZE): ParsedDocument {
  if (text.length > maxFileSize) {
    return {
      language,
      text,
      documents: [],
      skippedForSize: true,
      problems: [{
        code: 'file-too-large',
        message: `This file is ${formatSize(text.length)}, above the ${formatSize(maxFileSize)} limit (setting oauth2Client.maxFileSize): it was not validated.`,
        offset: 0,
        length: 0,
        severity: 'information',
      }],
    };
  }
  if (flowNestingDepth(text) > MAX_NESTING_DEPTH) {
    return {
      language,
      text,
      documents: [],
      problems: [{
        code: 'too-deep',
        message: `This file nests brackets more than ${MAX_NESTING_DEPTH} levels deep: it was not validated.`,
        offset: 0,
        length: 0,
        severity: 'error',
      }],
    };
  }
  try {
    return language === 'json' ? parseJson(text) : parseYaml(text);
  } catch (e) {
    // Parsers are meant to report, not throw; if one does anyway, keep the server alive and say so.
    return {
      language,
      text,
      documents: [],
      problems: [{ code: 'parse-failure', message: `The file could not be parsed: ${(e as Error).message}`, offset: 0, length: 0, severity: 'error' }],
    };
  }
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
