// Completion: find the slot(s) at the cursor, then propose keys, values, scope tokens or templates.
import type { CompletionItem, CompletionList, Position } from 'vscode-languageserver-types';
import type { ClientDocument } from '../../clientDocument';
import type { HydraVersion } from '../../schema/clientSchema';
import { textStyle } from '../textStyle';
import { completionSlots } from './completionContext';
import { keyCompletions } from './keyCompletion';
import type { RenderContext } from './renderContext';
import { templateCompletions } from './templateCompletion';
import { valueCompletions } from './valueCompletion';

export interface CompletionOptions {
  hydraVersion: HydraVersion;
}

export function provideCompletion(doc: ClientDocument, position: Position, options: CompletionOptions): CompletionList | null {
  if (!doc.isClientFile || doc.parsed.skippedForSize) return null;
  const parsed = doc.parsed;
  const offset = doc.lines.offsetAt(position);
  const slots = completionSlots(parsed, offset);
  if (!slots.length) return { isIncomplete: false, items: [] };
  const ctx: RenderContext = { language: parsed.language, text: parsed.text, style: textStyle(parsed), lines: doc.lines, offset, hydraVersion: options.hydraVersion };
  const items: CompletionItem[] = [];
  for (const slot of slots) {
    if (slot.kind === 'key') items.push(...keyCompletions(slot, ctx));
    else if (slot.kind === 'value') items.push(...valueCompletions(slot, ctx));
    else items.push(...templateCompletions(slot, ctx));
  }
  return { isIncomplete: false, items };
}
