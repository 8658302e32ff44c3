export function packageExtension(options?: { out?: string; build?: boolean; quiet?: boolean }): Promise<{ vsix: string; bytes: number; files: string[] }>;
