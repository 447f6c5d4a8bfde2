/// <reference types="mocha" />
/**
 * The packaged extension, installed with `code-server --install-extension`: it is listed, it activates from
 * its installed folder (not the repository), its commands are registered and its diagnostics appear.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import manifest from '../../../package.json';
import {
  actualLines,
  extensionId,
  openInEditor,
  parseFixture,
  waitForExactDiagnostics,
  expectedLines,
  writeWorkspaceFiles,
} from '../suite/helpers';
import { projectFiles, wechatPageJs, wechatPageWxml } from '../suite/pages';

suite('Installed .vsix', () => {
  test('the extension is installed from the package, not loaded from the repository', () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is not installed; installed: ${vscode.extensions.all.map((e) => e.id).join(', ')}`);
    assert.equal(extension.packageJSON.version, manifest.version);
    // This bundle lives in <repository>/out/e2e/installed.
    const repository = join(__dirname, '..', '..', '..');
    assert.notEqual(extension.extensionPath, repository, 'the extension was loaded from the repository, not installed');
    assert.equal(extension.extensionKind, vscode.ExtensionKind.Workspace);
    assert.ok(
      !existsSync(join(extension.extensionPath, 'node_modules')),
      'the package ships node_modules although everything is bundled',
    );
    assert.ok(!existsSync(join(extension.extensionPath, 'client')), 'the package ships TypeScript sources');
    for (const file of ['dist/extension.js', 'dist/server.js', 'package.json']) {
      assert.ok(existsSync(join(extension.extensionPath, file)), `the package lacks ${file}`);
    }
  });

  test('the package holds every file its manifest and README name, and no source map', () => {
    const extension = vscode.extensions.getExtension(extensionId)!;
    const installed = extension.packageJSON as typeof manifest & { icon?: string };
    const named = [
      installed.icon,
      // vsce stores these three under the names the Marketplace expects.
      'readme.md',
      'changelog.md',
      'LICENSE.txt',
      'package.nls.json',
      'package.nls.zh-cn.json',
      'dist/webview/main.js',
      'dist/webview/main.css',
      ...installed.contributes.grammars.map((g) => g.path),
      // The `vue` language comes without a configuration (Volar, when installed, brings its own).
      ...installed.contributes.languages.flatMap((l) => (l.configuration ? [l.configuration] : [])),
    ];
    assert.ok(installed.icon, 'the manifest names no icon');
    // Relative links in the README (pictures and documents) resolve against the installed folder: whatever
    // they name in the repository must ship. (Whether the repository has it is the docs' own concern.)
    const repository = join(__dirname, '..', '..', '..');
    const readme = readFileSync(join(extension.extensionPath, 'readme.md'), 'utf8');
    const links = [...readme.matchAll(/\]\(((?:docs|images)\/[^)#\s]+)/g)]
      .map((m) => m[1]!)
      .filter((link) => existsSync(join(repository, link)));
    assert.ok(
      links.some((l) => l.startsWith('docs/images/') && l.endsWith('.png')),
      'the README shows no screenshot from docs/images',
    );
    for (const file of [...named, ...links]) {
      assert.ok(file && existsSync(join(extension.extensionPath, file.replace(/^\.\//, ''))), `the package lacks ${file}`);
    }
    const maps = readdirSync(join(extension.extensionPath, 'dist'), { recursive: true }).filter((f) =>
      String(f).endsWith('.map'),
    );
    assert.deepEqual(maps, [], 'the package ships source maps');
  });

  test('it activates and registers its commands', async () => {
    const extension = vscode.extensions.getExtension(extensionId)!;
    await extension.activate();
    assert.ok(extension.isActive);
    const commands = await vscode.commands.getCommands(true);
    const declared = (manifest.contributes.commands as Array<{ command: string }>).map((c) => c.command);
    assert.ok(declared.length > 0, 'the manifest contributes no commands');
    for (const command of declared) assert.ok(commands.includes(command), `${command} is declared but not registered`);
  });

  test('its language server publishes diagnostics on a WeChat page', async () => {
    const { text, expected } = parseFixture(wechatPageJs);
    const script = 'e2e-wechat/pages/profile/profile.js';
    const uris = writeWorkspaceFiles({
      ...projectFiles,
      [script]: text,
      'e2e-wechat/pages/profile/profile.wxml': wechatPageWxml,
    });
    const { document } = await openInEditor(uris[script]!);
    await waitForExactDiagnostics(document.uri, expectedLines(document, expected), 'diagnostics from the installed extension');
    assert.ok(actualLines(document.uri).length > 0);
  });
});
