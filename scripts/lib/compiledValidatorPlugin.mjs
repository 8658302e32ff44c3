// esbuild plugin: bundles the OAuth2Client validator as ajv standalone code, compiled from the schema
// while bundling (server/src/engine/validation/clientSchemaCompiler.ts says how), in place of the
// module 'oauth2-client-studio:client-validator'. Every bundle of server code (build, tests, bench)
// uses it, so there is no generated file to forget or let go stale.
import { build } from 'esbuild';
import { mkdirSync, rmSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLIENT_VALIDATOR_MODULE = 'oauth2-client-studio:client-validator';
const NAMESPACE = 'oauth2-client-validator';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const COMPILER = path.join(root, 'server/src/engine/validation/clientSchemaCompiler.ts');
const SCHEMA = path.join(root, 'schemas/oauth2-client.schema.json');

/** One compile per process, however many bundles ask (the test stage bundles many entry points at once). */
let source;
async function validatorSource() {
  source ??= (async () => {
    const outDir = path.join(root, '.cache/compiled-validator');
    mkdirSync(outDir, { recursive: true });
    // A name per process: parallel builds (test stages, bench) must not overwrite each other's file.
    const outfile = path.join(outDir, `compiler-${process.pid}.cjs`);
    await build({ entryPoints: [COMPILER], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external', logLevel: 'warning' });
    try {
      return createRequire(outfile)(outfile).clientValidatorSource();
    } finally {
      rmSync(outfile, { force: true });
    }
  })();
  return source;
}

export function compiledValidatorPlugin() {
  const requireFromRoot = createRequire(path.join(root, 'package.json'));
  return {
    name: 'compiled-client-validator',
    setup(b) {
      b.onResolve({ filter: new RegExp(`^${CLIENT_VALIDATOR_MODULE}$`) }, () => ({ path: CLIENT_VALIDATOR_MODULE, namespace: NAMESPACE }));
      // What the generated code requires (ajv's runtime helpers, ajv-formats' checkers), and what
      // those require in turn, is bundled in, also where a bundle leaves packages external: an
      // ESM bundle could not require them.
      const bundledIn = new Set();
      const bundle = (spec, requireFrom) => {
        if (isBuiltin(spec)) return { path: spec, external: true };
        const file = requireFrom.resolve(spec);
        bundledIn.add(file);
        return { path: file };
      };
      b.onResolve({ filter: /.*/, namespace: NAMESPACE }, (args) => bundle(args.path, requireFromRoot));
      b.onResolve({ filter: /.*/ }, (args) => (bundledIn.has(args.importer) ? bundle(args.path, createRequire(args.importer)) : undefined));
      b.onLoad({ filter: /.*/, namespace: NAMESPACE }, async () => ({
        contents: await validatorSource(),
        loader: 'js',
        resolveDir: root,
        watchFiles: [COMPILER, SCHEMA],
      }));
    },
  };
}
