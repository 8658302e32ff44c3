// What VS Code does with an editor on a FileSystemProvider, reduced to the part under test: open
// reads the file, typing makes it dirty, save calls writeFile and only a successful write clears
// dirty; a failed save leaves text and dirty flag exactly as they were.
import type { ClientFsCore } from '../../../client/src/clientFs/clientFileSystemProvider';
import type { UriParts } from '../../../client/src/host';

export class EditorBuffer {
  text = '';
  dirty = false;

  constructor(private readonly fs: ClientFsCore, readonly uri: UriParts) {}

  async open(): Promise<this> {
    this.text = new TextDecoder().decode(await this.fs.readFile(this.uri));
    this.dirty = false;
    return this;
  }

  /** Edits the client as JSON (the buffer's format in these tests). */
  edit(change: (client: Record<string, unknown>) => void): void {
    const client = JSON.parse(this.text) as Record<string, unknown>;
    change(client);
    this.text = JSON.stringify(client, null, 2);
    this.dirty = true;
  }

  /** Resolves with the error of a failed save (undefined when saved). */
  async save(): Promise<Error | undefined> {
    try {
      await this.fs.writeFile(this.uri, new TextEncoder().encode(this.text));
      this.dirty = false;
      return undefined;
    } catch (err) {
      return err as Error;
    }
  }
}
