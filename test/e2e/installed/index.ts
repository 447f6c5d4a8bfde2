/** Entry point of the check run against the extension installed from the .vsix (no development path). */
import { runMochaFolder } from '../mochaRunner';

export function run(): Promise<void> {
  return runMochaFolder(__dirname, 'installed .vsix');
}
