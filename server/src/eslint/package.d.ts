// The types of eslint-plugin-mp-userinfo, shipped as its index.d.ts beside the bundle (esbuild.mjs copies it), so
// that an `eslint.config.ts` or `tseslint.config(…)` sees the configurations by name.
import type { ESLint, Linter, Rule } from 'eslint';

declare const plugin: Omit<ESLint.Plugin, 'meta' | 'rules' | 'configs'> & {
  meta: { name: 'eslint-plugin-mp-userinfo'; version: string };
  rules: Record<string, Rule.RuleModule>;
  configs: {
    /** Every rule at the checker's default severity (`information` → `warn`). */
    recommended: Linter.Config;
    /** `recommended` for WeChat calls only. */
    wechat: Linter.Config;
    /** `recommended` for Alipay calls only. */
    alipay: Linter.Config;
    /** `recommended` for Douyin calls only. */
    douyin: Linter.Config;
    /** Every rule and every finding (`minSeverity: 'hint'`): what `mp-userinfo check` reports. */
    all: Linter.Config;
  };
};

export = plugin;
