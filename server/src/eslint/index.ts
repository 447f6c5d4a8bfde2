/**
 * eslint-plugin-mp-userinfo: the checks of `mp-userinfo check` as ESLint rules, for ESLint 9 and later
 * (flat config). Built by esbuild.mjs to dist/eslint-plugin-mp-userinfo/ with its package.json and
 * README.md (server/src/eslint/README.md).
 *
 * Configurations (every one registers the plugin under the `mp-userinfo` prefix):
 * - `recommended`: every rule, at the severity the checker gives it by default, with `information` mapped to
 *   `warn` (ESLint has no quieter level that is still shown; the checker's information findings are advice a
 *   user should see once, so they are kept rather than turned off; no rule defaults to `hint`, which would be
 *   `off`). `handler-not-found` and `uni-eventsync` report in markup: in ESLint, only in the template of a
 *   `.vue` file linted with vue-eslint-parser.
 * - `wechat`, `alipay`, `douyin`: `recommended` limited to one platform: the checker leaves other
 *   platforms' calls alone (`platforms` setting) and the rules of other platforms only are off.
 * - `all`: every rule, at every finding severity (`minSeverity: 'hint'`): what `mp-userinfo check`
 *   reports for the same files.
 */
import type { ESLint, Linter, Rule } from 'eslint';
import { rules as coreRules } from '../core/rules';
import type { Platform, Severity } from '../core/types';
import { eslintRule, settingsKey } from './rules';

declare const MP_USERINFO_VERSION: string;

const prefix = 'mp-userinfo';

/** The ESLint level of a checker severity. */
function levelOf(severity: Severity): Linter.RuleSeverity {
  switch (severity) {
    case 'error':
      return 'error';
    case 'warning':
    case 'information':
      return 'warn';
    case 'hint':
      return 'off';
  }
}

const rules: Record<string, Rule.RuleModule> = Object.fromEntries(coreRules.map((rule) => [rule.id, eslintRule(rule)]));

const plugin = {
  meta: { name: 'eslint-plugin-mp-userinfo', version: MP_USERINFO_VERSION },
  rules,
  configs: {} as Record<string, Linter.Config>,
} satisfies ESLint.Plugin;

const nativePlatforms: readonly string[] = ['wechat', 'alipay', 'douyin'];

function recommendedRules(platform?: Platform): Linter.RulesRecord {
  return Object.fromEntries(
    coreRules.map((rule) => {
      // A rule of a framework only (uni-app) applies whatever platform the project builds for.
      const platforms: readonly string[] = rule.docs.platforms;
      const applies = !platform || platforms.includes(platform) || !platforms.some((p) => nativePlatforms.includes(p));
      return [`${prefix}/${rule.id}`, applies ? levelOf(rule.defaultSeverity) : 'off'];
    }),
  );
}

plugin.configs.recommended = { name: `${prefix}/recommended`, plugins: { [prefix]: plugin }, rules: recommendedRules() };
for (const platform of ['wechat', 'alipay', 'douyin'] as const) {
  plugin.configs[platform] = {
    name: `${prefix}/${platform}`,
    plugins: { [prefix]: plugin },
    rules: recommendedRules(platform),
    settings: { [settingsKey]: { platforms: [platform] } },
  };
}
plugin.configs.all = {
  name: `${prefix}/all`,
  plugins: { [prefix]: plugin },
  rules: Object.fromEntries(
    coreRules.map((rule) => [
      `${prefix}/${rule.id}`,
      [rule.defaultSeverity === 'error' ? 'error' : 'warn', { minSeverity: 'hint' }],
    ]),
  ),
};

export default plugin;
