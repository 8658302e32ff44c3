// Parses started early — while the language server waits for a document's settings and for git —
// and taken by the analysis that follows. A parse depends only on the text, its language and the
// size limit, so it is used exactly when those three match; otherwise the text is parsed anew.
import type { DocumentLanguage, ParsedDocument } from './documentModel';
import { parseDocument } from './parseDocument';

interface Ahead {
  text: string;
  language: DocumentLanguage;
  maxFileSize: number;
  parsed: ParsedDocument;
}

/** Per document URI: several documents may open at once (a restored session). */
const ahead = new Map<string, Ahead>();
/** Parses nobody took (the document closed first) must not pile up. */
const MAX_WAITING = 4;

/** Parses the text for the analysis to come (once, if two requests ask for the same version) and returns the parse. */
export function parseAhead(uri: string, text: string, language: DocumentLanguage, maxFileSize: number): ParsedDocument {
  const waiting = ahead.get(uri);
  if (waiting && matches(waiting, text, language, maxFileSize)) return waiting.parsed;
  ahead.delete(uri);
  if (ahead.size >= MAX_WAITING) ahead.delete(ahead.keys().next().value!);
  const parsed = parseDocument(text, language, maxFileSize);
  ahead.set(uri, { text, language, maxFileSize, parsed });
  return parsed;
}

/**
 * The parse made ahead for exactly this input, if any. Taking empties the document's slot whatever
 * the answer: a parse is handed over, never shared, and none outlives the analysis it was made for.
 */
export function takeParsedAhead(uri: string, text: string, language: DocumentLanguage, maxFileSize: number): ParsedDocument | undefined {
  const hit = ahead.get(uri);
  if (!hit) return undefined;
  ahead.delete(uri);
  return matches(hit, text, language, maxFileSize) ? hit.parsed : undefined;
}

function matches(a: Ahead, text: string, language: DocumentLanguage, maxFileSize: number): boolean {
  return a.language === language && a.maxFileSize === maxFileSize && a.text === text;
}
