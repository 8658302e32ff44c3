// The language server the extension starts, seen from the extension host: a child Node process
// with the start options the bin's shebang also gives it.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { SERVER_NODE_FLAGS } from '../../../server/src/languageServer/nodeStartFlags';
import { type HostTest, hostConfig } from './runner';
import { eventually } from './waitFor';

/** The argv of each process whose parent is this one (Linux /proc). */
function childCommandLines(): string[][] {
  const out: string[][] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const ppid = /^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      if (Number(ppid) === process.pid) out.push(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean));
    } catch {
      // ended while we looked
    }
  }
  return out;
}

export const serverProcessTests: HostTest[] = [
  {
    name: 'the language server runs with its Node start options (--v8-pool-size=1)',
    async fn() {
      if (process.platform !== 'linux') return;
      // Opening a client file makes sure the server has been started.
      const uri = vscode.Uri.file(`${hostConfig().workspace}/ext-host/versions.oauth2-client.yaml`);
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      const server = await eventually(async () => {
        const found = childCommandLines().filter((argv) => argv.some((a) => a.endsWith('dist/server/server.js')));
        assert.equal(found.length, 1, JSON.stringify(childCommandLines()));
        return found[0];
      });
      for (const flag of SERVER_NODE_FLAGS) assert.ok(server.includes(flag), `${flag} missing from ${server.join(' ')}`);
    },
  },
];
