// How test code is bundled for Node (scripts/test.mjs for the stages, scripts/fuzz.mjs for the long
// fuzz): TypeScript → one CommonJS file per entry point, dependencies left to node_modules.
import { build } from 'esbuild';
import { compiledValidatorPlugin } from './compiledValidatorPlugin.mjs';

/** @param {{ entryPoints: string[], outdir: string, outbase?: string }} options */
export function bundleTests({ entryPoints, outdir, outbase }) {
  return build({
    entryPoints,
    outdir,
    ...(outbase ? { outbase } : {}),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'warning',
    plugins: [compiledValidatorPlugin()],
  });
}
