// The texts fuzzing grows from: the sample workspace and every client of the Hydra verdict table,
// each in JSON and in YAML.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import type { DocumentLanguage } from '../../../server/src/engine/document/documentModel';
import { HYDRA_VERDICT_CASES } from '../../engine/rules/hydraVerdictCases';
import { projectRoot } from '../../helpers/lspClient';

export interface SeedDocument {
  name: string;
  text: string;
  language: DocumentLanguage;
}

function sampleFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = path.join(dir, e);
    return statSync(p).isDirectory() ? sampleFiles(p) : /\.(json|ya?ml)$/.test(e) ? [p] : [];
  });
}

function loadSeeds(): SeedDocument[] {
  const seeds: SeedDocument[] = sampleFiles(path.join(projectRoot, 'samples')).map((p) => ({
    name: path.relative(projectRoot, p),
    text: readFileSync(p, 'utf8'),
    language: p.endsWith('.json') ? 'json' : 'yaml',
  }));
  for (const c of HYDRA_VERDICT_CASES) {
    seeds.push({ name: `verdict: ${c.name} (json)`, text: JSON.stringify(c.client, null, 2), language: 'json' });
    seeds.push({ name: `verdict: ${c.name} (yaml)`, text: stringify(c.client), language: 'yaml' });
  }
  return seeds;
}

export const SEED_DOCUMENTS: readonly SeedDocument[] = loadSeeds();
