// jwks-and-jwks-uri → two fixes: remove `jwks` (keep the URI) or remove `jwks_uri` (keep the keys).
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { findProperty } from '../../document/nodeLookup';
import { clientOf, type Located } from '../clientNodes';
import { action, type FixContext } from './fixContext';
import { removeProperty } from './propertyEdits';

export function removeJwksFix(ctx: FixContext, d: Diagnostic, at: Located): CodeAction[] {
  const owner = at.kind === 'key' ? clientOf(at.property.parent) : clientOf(at.node);
  if (!owner) return [];
  const o = owner.client;
  const jwks = findProperty(o, 'jwks');
  const uri = findProperty(o, 'jwks_uri');
  if (!jwks || !uri) return [];
  return [
    action(ctx, 'Remove "jwks" (keep jwks_uri)', d, removeProperty(ctx, o, jwks)),
    action(ctx, 'Remove "jwks_uri" (keep jwks)', d, removeProperty(ctx, o, uri)),
  ];
}
