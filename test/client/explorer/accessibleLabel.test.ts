// What screen readers announce for explorer rows: the name first, never only the tooltip.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clientTreeItem } from '../../../client/src/explorer/clientNode';
import { NodeType, accessibleLabel } from '../../../client/src/explorer/explorerNode';

const item = (client: Record<string, unknown>) => clientTreeItem({ nodeType: NodeType.client, connection: 'local', client }, false);

test('a client row is announced by its name and id, not by its tooltip', () => {
  const d = item({ client_id: 'crm-web', client_name: 'CRM', grant_types: ['authorization_code'], owner: 'team-sales' });
  assert.ok(d.tooltip?.startsWith('Grant types:'));
  assert.equal(accessibleLabel(d), 'CRM, crm-web');
});

test('a row without a description is announced by its label alone', () => {
  assert.equal(accessibleLabel({ label: 'No clients.', icon: 'info', contextValue: 'x', collapsible: false }), 'No clients.');
});
