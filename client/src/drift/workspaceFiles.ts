// The workspace's files for a plan, read from a listing: up to a limit, and a file that cannot be read
// (deleted since the listing, no permission) is left out. Either way the result is partial, so the
// plan never takes that file's clients for "only on the server" (delete candidates). No vscode.
import type { SourceFile } from '../clientsAsCode/clientFiles';

export type ListedFiles = SourceFile[] | { files: SourceFile[]; partial: true };

/** `uris` may hold one more than `max`: that is how a listing says it was cut off. */
export async function readListedFiles(uris: readonly string[], max: number, read: (uri: string) => Promise<SourceFile>): Promise<ListedFiles> {
  const settled = await Promise.allSettled(uris.slice(0, max).map(read));
  const files = settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  return uris.length > max || files.length < settled.length ? { files, partial: true } : files;
}
