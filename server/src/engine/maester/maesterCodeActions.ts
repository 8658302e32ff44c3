// Quick fixes for Maester resources: the generic rename-key and replace-value fixes, bound to the
// CRD's codes (a Hydra spelling → the CRD key; a value outside the CRD's enum → the closest one).
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import type { ClientDocument } from '../clientDocument';
import { fixContext, locateDiagnostic, type QuickFix } from '../features/codeActions/fixContext';
import { renameKeyFix } from '../features/codeActions/renameKey';
import { replaceEnumValueFix } from '../features/codeActions/replaceEnumValue';
import { MaesterCodes } from './maesterCodes';

const FIXES: Record<string, QuickFix> = {
  [MaesterCodes.unknownKey]: renameKeyFix,
  [MaesterCodes.enumMismatch]: replaceEnumValueFix,
};

export function maesterCodeActions(doc: ClientDocument, uri: string, diagnostics: readonly Diagnostic[]): CodeAction[] {
  if (!doc.isMaesterManifest) return [];
  const ctx = fixContext(uri, doc);
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    const fix = typeof d.code === 'string' ? FIXES[d.code] : undefined;
    const at = fix && locateDiagnostic(ctx, d);
    if (fix && at) out.push(...fix(ctx, d, at));
  }
  return out;
}
