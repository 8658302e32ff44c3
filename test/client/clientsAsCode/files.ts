// Client files for the clients-as-code tests: texts under a fake workspace folder, loaded through the engine.
import { type LoadedClients, type SourceFile, loadClients } from '../../../client/src/clientsAsCode/clientFiles';
import { DEFAULT_SETTINGS } from '../../../server/src/engine/engineSettings';
import type { HydraVersion } from '../../../server/src/engine/schema/clientSchema';

export function sourceFiles(files: Record<string, string | object>): SourceFile[] {
  return Object.entries(files).map(([name, content]) => ({
    name,
    uri: `file:///ws/${name}`,
    text: typeof content === 'string' ? content : JSON.stringify(content, null, 2),
  }));
}

export function load(files: Record<string, string | object>, hydraVersion: HydraVersion = 'v26'): LoadedClients {
  return loadClients(sourceFiles(files), { ...DEFAULT_SETTINGS, hydraVersion });
}
