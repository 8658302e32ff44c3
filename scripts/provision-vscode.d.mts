import type { VscodePaths } from './vscode/codeServer.mjs';

export const VERSIONS: { node: string; codeServer: string };
export const paths: VscodePaths;
export function missingPieces(): string[];
export function provisionVscode(): Promise<VscodePaths>;
export function provisionNode(): Promise<string>;
