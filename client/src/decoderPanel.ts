import type * as vscode from 'vscode';

/** Registers the payload-decoder commands. (The panel itself arrives with the decoder work.) */
export function registerDecoderCommands(_context: vscode.ExtensionContext): void {}
