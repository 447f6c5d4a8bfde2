// Bundles the extension's five artefacts and the ESLint plugin (dist/eslint-plugin-mp-userinfo/, a package
// of its own: index.js, package.json, README.md, LICENSE). `node esbuild.mjs` builds once; `--watch` rebuilds on change;
// `--production` minifies. Type-checking is tsc's job (`npm run typecheck`), not esbuild's.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const production = process.argv.includes('--production');
const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const watch = process.argv.includes('--watch');

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  // jsonc-parser's UMD entry hides its requires from the bundler; its ESM entry bundles cleanly.
  mainFields: ['module', 'main'],
  define: { MP_USERINFO_VERSION: JSON.stringify(manifest.version) },
};

/** The ESLint plugin's package folder and the dependencies it declares rather than bundles. */
const pluginDir = 'dist/eslint-plugin-mp-userinfo';
const pluginDependencies = ['typescript'];

/** The plugin's package.json: versions from this repository's. */
function writePluginPackage() {
  mkdirSync(pluginDir, { recursive: true });
  const pkg = {
    name: 'eslint-plugin-mp-userinfo',
    version: manifest.version,
    description:
      'ESLint rules for user-info APIs in WeChat, Alipay, Douyin, Taro and uni-app mini-programs (the checks of mp-userinfo check).',
    keywords: ['eslint', 'eslintplugin', 'eslint-plugin', 'miniprogram', 'wechat', 'alipay', 'douyin', 'taro', 'uni-app'],
    license: manifest.license,
    main: 'index.js',
    types: 'index.d.ts',
    exports: { '.': { types: './index.d.ts', default: './index.js' }, './package.json': './package.json' },
    files: ['index.js', 'index.d.ts', 'README.md', 'LICENSE'],
    engines: { node: '>=18.18' },
    peerDependencies: { eslint: '^9.0.0 || ^10.0.0' },
    dependencies: Object.fromEntries(pluginDependencies.map((name) => [name, manifest.dependencies[name]])),
  };
  writeFileSync(`${pluginDir}/package.json`, JSON.stringify(pkg, null, 2) + '\n');
  copyFileSync('server/src/eslint/README.md', `${pluginDir}/README.md`);
  copyFileSync('server/src/eslint/package.d.ts', `${pluginDir}/index.d.ts`);
  copyFileSync('LICENSE', `${pluginDir}/LICENSE`);
}

/** @type {esbuild.BuildOptions[]} */
const builds = [
  // The VS Code client: `vscode` is provided by the extension host.
  {
    ...common,
    entryPoints: ['client/src/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode'],
  },
  // The language server: IPC when started by the client, stdio with --stdio.
  {
    ...common,
    entryPoints: ['server/src/server.ts'],
    outfile: 'dist/server.js',
    platform: 'node',
    format: 'cjs',
    target: 'node18',
  },
  // The `mp-userinfo` command-line tool.
  {
    ...common,
    entryPoints: ['server/src/cli.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    banner: { js: '#!/usr/bin/env node' },
  },
  // The worker threads of `mp-userinfo check --jobs N`, started from dist/cli.js by file name.
  {
    ...common,
    entryPoints: ['server/src/cli/checkWorker.ts'],
    outfile: 'dist/checkWorker.js',
    platform: 'node',
    format: 'cjs',
    target: 'node18',
  },
  // The decoder panel's browser script; its imported CSS becomes dist/webview/main.css.
  {
    ...common,
    entryPoints: ['client/webview/main.ts'],
    outfile: 'dist/webview/main.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2020',
  },
  // The ESLint plugin. TypeScript (the parser of the core) stays a dependency of the package rather than
  // ten megabytes of the bundle; everything else the core needs is bundled.
  {
    ...common,
    entryPoints: ['server/src/eslint/index.ts'],
    outfile: `${pluginDir}/index.js`,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    sourcemap: false,
    external: pluginDependencies,
    // `export default plugin` as the module itself, for `require` and for `import` from ESM configs.
    footer: { js: 'module.exports = module.exports.default;' },
  },
];

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[esbuild] watching…');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
writePluginPackage();
