export function createSampleWorkspace(dir: string): string;
