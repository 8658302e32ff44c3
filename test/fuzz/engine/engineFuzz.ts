// The engine fuzz loop, shared by the short slice in `npm test` and the long `npm run fuzz`:
// seeded, so any case replays from its seed and path.
import fc from 'fast-check';
import type { DocumentLanguage } from '../../../server/src/engine/document/documentModel';
import { HYDRA_VERSIONS, type HydraVersion } from '../../../server/src/engine/schema/clientSchema';
import { fuzzDocument, probeOffsets, type FuzzDocument } from './documentArbitraries';
import { checkCase } from './engineProperties';

export interface EngineFuzzOptions {
  runs: number;
  seed: number;
  /** Bound on each single engine call. */
  boundMs: number;
  /** Replays one case (fast-check's path, e.g. "417"). */
  path?: string;
  /** Called every `every` cases. */
  progress?: (done: number) => void;
}

export interface FailedCase {
  seed: number;
  path: string;
  kind: string;
  language: DocumentLanguage;
  hydraVersion: HydraVersion;
  violations: string[];
  text: string;
}

export interface EngineFuzzReport {
  cases: number;
  crashes: FailedCase[];
  slowest: { ms: number; call: string; seed: number; path: string; kind: string; language: DocumentLanguage; chars: number } | undefined;
  kinds: Map<string, number>;
}

export const engineCase = fc.record({
  doc: fuzzDocument,
  probes: probeOffsets,
  hydraVersion: fc.constantFrom(...HYDRA_VERSIONS),
});

/** Runs every case, collecting failures instead of stopping at the first (so counts are real). */
export function runEngineFuzz(o: EngineFuzzOptions): EngineFuzzReport {
  const report: EngineFuzzReport = { cases: 0, crashes: [], slowest: undefined, kinds: new Map() };
  // Compile the schema validators first, so the slowest case is a case and not the warm-up.
  for (const v of HYDRA_VERSIONS) for (const language of ['json', 'yaml'] as const) checkCase({ text: '{"client_id": "warm-up"}', language, probes: [0.5] }, v, Infinity);
  const property = fc.property(engineCase, ({ doc, probes, hydraVersion }) => {
    const index = report.cases++;
    const path = o.path ?? String(index);
    const kind = doc.kind.startsWith('char') ? doc.kind : doc.kind.replace(/\d+/g, 'N');
    report.kinds.set(kind, (report.kinds.get(kind) ?? 0) + 1);
    const outcome = checkCase({ text: doc.text, language: doc.language, probes }, hydraVersion, o.boundMs);
    if (!report.slowest || outcome.slowestMs > report.slowest.ms) {
      report.slowest = { ms: outcome.slowestMs, call: outcome.slowestCall, seed: o.seed, path, kind: doc.kind, language: doc.language, chars: doc.text.length };
    }
    if (outcome.violations.length) report.crashes.push(failure(o.seed, path, doc, hydraVersion, outcome.violations));
    if (o.progress && report.cases % 1000 === 0) o.progress(report.cases);
  });
  fc.check(property, { seed: o.seed, numRuns: o.path ? 1 : o.runs, ...(o.path ? { path: o.path } : {}), endOnFailure: true });
  return report;
}

function failure(seed: number, path: string, doc: FuzzDocument, hydraVersion: HydraVersion, violations: string[]): FailedCase {
  return { seed, path, kind: doc.kind, language: doc.language, hydraVersion, violations, text: doc.text };
}
