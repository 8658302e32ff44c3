// The "Workspace vs server" node under each connection: clients that differ, that the server lacks,
// and (grouped) those only on the server. Clicking a row opens the diff (file vs live).
import type { Refusal } from '../clientsAsCode/clientFiles';
import type { PlanEntry } from '../clientsAsCode/plan';
import { ContextValue, type ExplorerNode, type ExplorerSection, NodeType, type SectionNode, type TreeItemData } from '../explorer/explorerNode';
import { messageNode } from '../explorer/messageNode';
import type { DriftModel } from './driftModel';

export const DRIFT_COMMANDS = {
  plan: 'oauth2Client.planWorkspace',
  apply: 'oauth2Client.applyWorkspace',
  compare: 'oauth2Client.compareDrift',
  openRefused: 'oauth2Client.openRefusedFile',
} as const;

/** Rows under the root before the rest is summarised (a server may hold thousands of clients). */
const MAX_ONLY_ON_SERVER_ROWS = 1000;

export type DriftNodeData =
  | { kind: 'root' }
  | { kind: 'entry'; entry: PlanEntry }
  | { kind: 'refused'; refusal: Refusal }
  | { kind: 'onlyOnServer'; entries: PlanEntry[] };

export class DriftSection implements ExplorerSection {
  constructor(private readonly model: DriftModel) {}

  roots(connection: string): SectionNode[] {
    return [this.node(connection, { kind: 'root' })];
  }

  async children(node: SectionNode): Promise<ExplorerNode[]> {
    const data = node.data as DriftNodeData;
    if (data.kind === 'onlyOnServer') {
      const rows: ExplorerNode[] = data.entries.slice(0, MAX_ONLY_ON_SERVER_ROWS).map((entry) => this.node(node.connection, { kind: 'entry', entry }));
      if (data.entries.length > MAX_ONLY_ON_SERVER_ROWS) rows.push(messageNode(node.connection, `… and ${data.entries.length - MAX_ONLY_ON_SERVER_ROWS} more`, false));
      return rows;
    }
    if (data.kind !== 'root') return [];
    let snapshot;
    try {
      snapshot = await this.model.snapshot(node.connection);
    } catch (err) {
      return [messageNode(node.connection, err instanceof Error ? err.message : String(err), true)];
    }
    const { plan, loaded } = snapshot;
    const out: ExplorerNode[] = [];
    const seen = new Set<string>();
    for (const refusal of plan.refused) {
      if (seen.has(refusal.uri)) continue;
      seen.add(refusal.uri);
      out.push(this.node(node.connection, { kind: 'refused', refusal }));
    }
    for (const entry of plan.entries) if (entry.action === 'update' || entry.action === 'create') out.push(this.node(node.connection, { kind: 'entry', entry }));
    const only = plan.entries.filter((e) => e.action === 'onlyOnServer');
    if (only.length) out.push(this.node(node.connection, { kind: 'onlyOnServer', entries: only }));
    if (!out.length) {
      out.push(messageNode(node.connection, loaded.clients.length ? `In sync: ${loaded.clients.length} client(s) in the workspace match the server.` : 'No client files with a client_id in the workspace.', false));
    }
    if (snapshot.partial) out.push(messageNode(node.connection, 'Not every JSON/YAML file of the workspace could be read (too many, or unreadable): clients only on the server are not listed.', false));
    return out;
  }

  treeItem(node: SectionNode): TreeItemData {
    const data = node.data as DriftNodeData;
    const c = node.connection;
    switch (data.kind) {
      case 'root': {
        const s = this.model.latest(c);
        const n = s?.plan.counts;
        const description = !n ? undefined : n.create + n.update + n.onlyOnServer + s.plan.refused.length === 0 ? 'in sync' : [n.update && `${n.update} differ`, n.create && `${n.create} not on the server`, n.onlyOnServer && `${n.onlyOnServer} only on the server`, s.plan.refused.length && `${s.plan.refused.length} lint error(s)`].filter(Boolean).join(', ');
        const item: TreeItemData = { label: 'Workspace vs server', id: `${c}/drift`, tooltip: `The workspace's client files compared with connection "${c}"`, icon: 'git-compare', contextValue: ContextValue.drift, collapsible: true };
        if (description) item.description = description;
        return item;
      }
      case 'refused':
        return {
          label: data.refusal.file,
          id: `${c}/drift/refused/${data.refusal.uri}`,
          description: 'lint errors: not compared',
          tooltip: `${data.refusal.file}:${data.refusal.line + 1}: ${data.refusal.message}`,
          icon: 'error',
          contextValue: ContextValue.message,
          collapsible: false,
          command: { command: DRIFT_COMMANDS.openRefused, title: 'Open file', arguments: [node] },
        };
      case 'onlyOnServer':
        return { label: `Only on the server (${data.entries.length})`, id: `${c}/drift/onlyOnServer`, tooltip: 'Clients no workspace file declares', icon: 'cloud', contextValue: ContextValue.message, collapsible: true };
      case 'entry': {
        const e = data.entry;
        const name = (e.local?.value.client_name ?? e.server?.client_name) as unknown;
        const label = typeof name === 'string' && name ? name : e.clientId;
        const description = e.action === 'update' ? `differs: ${(e.changes ?? []).map((ch) => ch.field).join(', ')}` : e.action === 'create' ? 'not on the server' : 'not in the workspace';
        const tooltip = [`${e.clientId}: ${description}`, e.local ? `${e.local.source.file}:${e.local.source.line + 1}` : ''].filter(Boolean).join('\n');
        return {
          label,
          id: `${c}/drift/${e.action}/${e.clientId}`,
          description,
          tooltip,
          icon: e.action === 'update' ? 'diff' : e.action === 'create' ? 'cloud-upload' : 'cloud',
          contextValue: ContextValue.driftClient,
          collapsible: false,
          command: { command: DRIFT_COMMANDS.compare, title: 'Compare with live', arguments: [node] },
        };
      }
    }
  }

  private node(connection: string, data: DriftNodeData): SectionNode {
    return { nodeType: NodeType.section, connection, section: this, data };
  }
}
