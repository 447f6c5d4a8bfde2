/** Entry point of the extension-host suite (`extensionTestsPath`): runs every `*.test.js` bundled beside it. */
import { runMochaFolder } from '../mochaRunner';

export function run(): Promise<void> {
  return runMochaFolder(__dirname, 'extension');
}
