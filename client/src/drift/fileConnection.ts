// Which connection a client file's CodeLens compares with: the one its oauth2Client.connectionForFiles
// glob names (as for the server checks), else the active one.
import { ServerAssociation } from '../../../server/src/engine/discovery/serverConfiguration';
import { associations } from '../discovery/serverConfigurationSync';

export function connectionForFile(uri: string, connectionForFiles: unknown, connections: readonly string[], active: string | undefined): string | undefined {
  const association = new ServerAssociation({
    servers: connections.map((name) => ({ name, url: '' })),
    associations: associations(connectionForFiles),
    ...(active !== undefined ? { defaultServer: active } : {}),
  });
  return association.serverFor(uri)?.name;
}
