// V8 settings the language server applies to itself, so they hold however it is started (VS Code,
// an editor running the bin, the bench).
import { setFlagsFromString } from 'node:v8';

/**
 * Keeps V8's young generation at its starting size instead of letting it grow to 16 MB per
 * semi-space. Nearly everything a document allocates either dies at once or lives as long as the
 * document (its tree), so a big nursery buys nothing: it only holds on to memory, and a small one
 * stays in the CPU caches. Measured on the bench's 2,000-client YAML (5 fresh processes each):
 * open → diagnostics 142–159 → 102–121 ms, RSS after it 122–125 → 95–98 MiB. The cost: while
 * typing in that document, each version's tree reaches the old generation sooner, so the peak over
 * 30 quick edits rose from 204–220 to 248 MiB (edit → diagnostics went 134–140 → 111–123 ms).
 * The flag is read whenever V8 considers growing the young generation, so setting it at start-up
 * (before the warm-up allocates) is enough.
 */
export function tuneRuntimeForLanguageServer(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}
