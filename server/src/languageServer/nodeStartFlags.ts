// Node options the language server must be started with: they size things V8 creates before any
// of our code runs, so runtimeTuning.ts cannot set them. The list lives in nodeStartFlags.json
// because the build writes it into the bin's shebang line and the bench reads it back from there;
// the VS Code client passes it as execArgv.
import flags from './nodeStartFlags.json';

/**
 * `--v8-pool-size=1`: one V8 helper thread instead of four. On a 2-core machine the four compete
 * with the main thread while a first big document makes V8 compile 25–50 functions, even at the
 * lowest priority (lowerBackgroundThreadPriority). `npm run bench` on the build before and after,
 * interleaved, both orders, 40 fresh processes each: big JSON open → diagnostics median 76.5 →
 * 68 ms (90th percentile 96 → 88 ms), big YAML unchanged (108.5 / 110 ms), RSS after either
 * 6.5–7 MiB lower.
 */
export const SERVER_NODE_FLAGS: readonly string[] = flags;
