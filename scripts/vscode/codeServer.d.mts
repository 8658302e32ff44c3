import type { ChildProcess } from 'node:child_process';

export interface VscodePaths {
  node: string;
  codeServer: string;
  chromium: string;
}
export interface Profile {
  dir: string;
  config: string;
  userData: string;
  extensions: string;
  tmp: string;
}
export function prepareProfile(options: { dir: string; vsix?: string; settings?: Record<string, unknown>; paths: VscodePaths }): Profile;
export function startCodeServer(options: {
  profile: Profile;
  paths: VscodePaths;
  workspace?: string;
  port?: number;
  onLog?: (text: string) => void;
}): { child: ChildProcess; ready: Promise<{ url: string; port: number }>; stop(): Promise<void>; log(): string };
