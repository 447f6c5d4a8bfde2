/**
 * The built ESLint plugin (dist/eslint-plugin-mp-userinfo/, made by `npm run build`): the tests check the
 * package as it would be published, not the sources.
 */
import type { ESLint, Linter, Rule } from 'eslint';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const pluginDir = path.join(repoRoot, 'dist', 'eslint-plugin-mp-userinfo');

/** The plugin as ESLint loads it, with its configurations. */
export type BuiltPlugin = ESLint.Plugin & { rules: Record<string, Rule.RuleModule>; configs: Record<string, Linter.Config> };

export function loadPlugin(): BuiltPlugin {
  if (!existsSync(path.join(pluginDir, 'index.js'))) throw new Error(`${pluginDir} is missing: run npm run build first`);
  return createRequire(__filename)(pluginDir) as BuiltPlugin;
}
