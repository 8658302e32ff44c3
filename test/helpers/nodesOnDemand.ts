// For the tests that pin validation without a tree (well-formed JSON, block-style YAML): the same
// diagnostics as from the tree, and which nodes got built.
import assert from 'node:assert/strict';
import { analyseDocument } from '../../server/src/engine/clientDocument';
import type { DocumentLanguage, NodesOnDemand } from '../../server/src/engine/document/documentModel';
import { DEFAULT_SETTINGS, type EngineSettings } from '../../server/src/engine/engineSettings';
import { HYDRA_RULES } from '../../server/src/engine/rules';
import type { HydraVersion } from '../../server/src/engine/schema/clientSchema';
import { SEED_DOCUMENTS } from '../fuzz/engine/seedDocuments';

/** Every client of the JSON seeds, as values. */
export function seedClients(): unknown[] {
  return SEED_DOCUMENTS.filter((s) => s.language === 'json').flatMap((s) => {
    try {
      const v: unknown = JSON.parse(s.text.replace(/^\ufeff/, ''));
      return Array.isArray(v) ? v : [v];
    } catch {
      return [];
    }
  });
}

/** The diagnostics as JSON text; `treeFirst`: with the whole tree built before validating. */
export function diagnosticsOf(text: string, language: DocumentLanguage, uri: string, hydraVersion: HydraVersion, treeFirst: boolean): string {
  const doc = analyseDocument(uri, 1, text, language, { ...DEFAULT_SETTINGS, hydraVersion }, HYDRA_RULES);
  if (treeFirst) for (const d of doc.parsed.documents) void d.root;
  return JSON.stringify(doc.diagnostics());
}

/** Validates, counting the clients whose nodes were built for it. */
export function validateCountingNodes(text: string, language: DocumentLanguage, uri: string, settings: EngineSettings = DEFAULT_SETTINGS) {
  const doc = analyseDocument(uri, 1, text, language, settings, HYDRA_RULES);
  const onDemand = doc.parsed.documents[0].nodesOnDemand as NodesOnDemand;
  assert.ok(onDemand, 'parsed without its tree');
  let built = 0;
  const nodesAt = onDemand.nodesAt.bind(onDemand);
  onDemand.nodesAt = (span) => (built++, nodesAt(span));
  const diagnostics = doc.diagnostics();
  return { doc, diagnostics, built };
}
