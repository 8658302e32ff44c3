// Quick fixes bound to diagnostics, matched by the diagnostic's code (never its message).
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import type { ClientDocument } from '../../clientDocument';
import { RuleCodes } from '../../rules/ruleCodes';
import { Codes } from '../../validation/diagnosticCodes';
import { addGrantTypeFix } from './addGrantType';
import { arrayShapeFix } from './arrayShape';
import { fixContext, locateDiagnostic, type QuickFix } from './fixContext';
import { removeJwksFix } from './removeJwks';
import { renameKeyFix } from './renameKey';
import { replaceEnumValueFix } from './replaceEnumValue';

const FIXES: Record<string, QuickFix> = {
  [Codes.unknownKey]: renameKeyFix,
  [Codes.enumMismatch]: replaceEnumValueFix,
  [Codes.typeMismatch]: arrayShapeFix,
  [RuleCodes.jwksAndJwksUri]: removeJwksFix,
  [RuleCodes.responseTypeNeedsGrantType]: addGrantTypeFix,
};

export function provideCodeActions(doc: ClientDocument, uri: string, diagnostics: readonly Diagnostic[]): CodeAction[] {
  if (!doc.isClientFile || doc.parsed.skippedForSize) return [];
  const ctx = fixContext(uri, doc);
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    const fix = typeof d.code === 'string' ? FIXES[d.code] : undefined;
    if (!fix) continue;
    const at = locateDiagnostic(ctx, d);
    if (at) out.push(...fix(ctx, d, at));
  }
  return out;
}
