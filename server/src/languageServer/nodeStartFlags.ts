// Node options the language server must be started with: they size things V8 creates before any
// of our code runs, so runtimeTuning.ts cannot set them. The list lives in nodeStartFlags.json
// because the build writes it into the bin's shebang line and the bench reads it back from there;
// the VS Code client passes it as execArgv.
import flags from './nodeStartFlags.json';

/**
 * `--v8-pool-size=1`: one V8 helper thread instead of four. On a 2-core machine the four compete
 * with the main thread while a first big document makes V8 compile 25–50 functions, even at the
 * lowest priority (lowerBackgroundThreadPriority). 12 fresh processes each, interleaved, both
 * orders: big JSON open → diagnostics 77.5 / 83.5 → 70 / 71 ms (slowest 104–109 → 84–86 ms), big
 * YAML unchanged (105 / 114.5 against 112.5 / 109.5 ms), RSS after either 6.5–7 MiB lower.
 */
export const SERVER_NODE_FLAGS: readonly string[] = flags;
