// Entry point VS Code loads as extensionTestsPath: the extension-host suites, in order.
import { commandTests } from './commandTests';
import { runHostTests } from './runner';
import { serverProcessTests } from './serverProcessTests';
import { settingsTests } from './settingsTests';

export function run(): Promise<void> {
  return runHostTests([...commandTests, ...settingsTests, ...serverProcessTests]);
}
