// A parse started early — while the language server waits for a document's settings and for git —
// and taken by the analysis that follows. A parse depends only on the text, its language and the
// size limit, so it is used exactly when those three match; otherwise the text is parsed anew.
import type { DocumentLanguage, ParsedDocument } from './documentModel';
import { parseDocument } from './parseDocument';

let ahead: { text: string; language: DocumentLanguage; maxFileSize: number; parsed: ParsedDocument } | undefined;

export function parseAhead(text: string, language: DocumentLanguage, maxFileSize: number): void {
  ahead = { text, language, maxFileSize, parsed: parseDocument(text, language, maxFileSize) };
}

/**
 * The parse made ahead for exactly this input, if any. Taking empties the slot whatever the answer:
 * a parse is handed over, never shared, and none outlives the analysis it was made for.
 */
export function takeParsedAhead(text: string, language: DocumentLanguage, maxFileSize: number): ParsedDocument | undefined {
  const hit = ahead;
  ahead = undefined;
  return hit && hit.language === language && hit.maxFileSize === maxFileSize && hit.text === text ? hit.parsed : undefined;
}
