// CodeLens data for a client file: per client, its live status on the active connection (from the
// cached server list, so opening files costs no request after the first), then Compare and Push. No vscode.
import { type SourceFile, clientsInText } from '../clientsAsCode/clientFiles';
import type { NormaliseOptions } from '../clientsAsCode/normalise';
import type { EngineSettings } from '../../../server/src/engine/engineSettings';
import type { OAuth2Client } from '../adminApi/oauth2Client';
import { DriftModel } from './driftModel';

export const LENS_COMMANDS = {
  compare: 'oauth2Client.compareFileClient',
  push: 'oauth2Client.pushFileClient',
  refresh: 'oauth2Client.refreshDrift',
} as const;

export interface LensData {
  /** 0-based line of the client object's start. */
  line: number;
  title: string;
  tooltip?: string;
  command?: { command: string; arguments: unknown[] };
}

/** Lenses for every client with a client_id; `server` is an Error when the server could not be read. */
export function clientLenses(file: SourceFile, connection: string, server: ReadonlyMap<string, OAuth2Client> | Error, settings: EngineSettings, options: NormaliseOptions): LensData[] {
  const out: LensData[] = [];
  for (const c of clientsInText(file, settings)) {
    const line = c.source.line;
    const args = [connection, file.uri, c.clientId];
    if (server instanceof Error) {
      out.push({ line, title: `live (${connection}): unavailable`, tooltip: server.message, command: { command: LENS_COMMANDS.refresh, arguments: [connection] } });
      continue;
    }
    const status = DriftModel.status(server, c.value, options);
    const title =
      status.kind === 'inSync' ? `live (${connection}): in sync`
      : status.kind === 'missing' ? `live (${connection}): missing`
      : `live (${connection}): differs (${status.changes.map((ch) => ch.field).join(', ')})`;
    out.push({ line, title, command: { command: LENS_COMMANDS.refresh, arguments: [connection] }, tooltip: 'Click to compare again with the server' });
    if (status.kind !== 'missing') out.push({ line, title: 'Compare', command: { command: LENS_COMMANDS.compare, arguments: args } });
    if (status.kind !== 'inSync') out.push({ line, title: 'Push', command: { command: LENS_COMMANDS.push, arguments: args } });
  }
  return out;
}
