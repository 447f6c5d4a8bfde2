/**
 * The user's configuration, read the same way by the language server and the CLI: the editor settings
 * under `miniprogramUserInfo.`, and a project file — `.mp-userinfo.json`, or an `mp-userinfo` key in
 * `package.json` — found by walking up from the checked file, so a repository configures CI and the
 * editor in one place:
 *
 *   { "rules": { "unhandled-refusal": "off", "desc-too-long": "warning" }, "libVersion": "2.27.1", "platforms": ["wechat"] }
 *
 * Invalid entries are reported as problems (values, never thrown) and left out.
 */
import * as path from 'node:path';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { AnalysisOptions, SeveritySetting } from './analyze';
import type { FileSystemHost } from './project';
import { rules } from './rules';
import type { Platform } from './types';

/** The settings a project file (or the editor) may give. */
export interface Settings {
  rules?: Record<string, SeveritySetting>;
  libVersion?: string;
  platforms?: Platform[];
  maxFileSize?: number;
  /**
   * Gitignore-style globs of files not to check, relative to the settings file's folder (the workspace
   * folder for the editor setting). See libraryFiles.ts.
   */
  ignore?: string[];
  /** `false` checks library folders and minified files too, which are skipped by default (libraryFiles.ts). */
  defaultIgnore?: boolean;
}

/** Parsed settings with what was wrong in them. */
export interface SettingsResult {
  settings: Settings;
  /** One sentence per rejected entry, naming the key. */
  problems: string[];
}

const severities: readonly SeveritySetting[] = ['off', 'error', 'warning', 'information', 'hint'];
const platforms: readonly Platform[] = ['wechat', 'alipay', 'douyin'];
const knownKeys = ['rules', 'libVersion', 'platforms', 'maxFileSize', 'ignore', 'defaultIgnore'];
const projectKeys = new Set([...knownKeys, '$schema']);

/** A base-library version such as `2.27.1`. */
export const versionPattern = /^\d+(\.\d+){0,2}$/;

const quote = (values: readonly string[]) => values.map((v) => `"${v}"`).join(', ');

/**
 * Validates a settings object. With `strict`, unknown top-level keys are problems too (a project file);
 * the editor's section also holds settings of other features, so there they are ignored.
 */
export function parseSettings(value: unknown, strict: boolean): SettingsResult {
  const problems: string[] = [];
  const settings: Settings = {};
  if (value === undefined || value === null) return { settings, problems };
  if (typeof value !== 'object' || Array.isArray(value)) return { settings, problems: ['the settings must be an object'] };
  const object = value as Record<string, unknown>;
  if (strict) {
    for (const key of Object.keys(object))
      if (!projectKeys.has(key)) problems.push(`unknown setting "${key}" (known: ${knownKeys.join(', ')})`);
  }

  if (object['rules'] !== undefined) {
    const given = object['rules'];
    if (!given || typeof given !== 'object' || Array.isArray(given)) {
      problems.push('"rules" must map rule codes to severities');
    } else {
      const known = new Set(rules.map((r) => r.id));
      const accepted: Record<string, SeveritySetting> = {};
      for (const [code, severity] of Object.entries(given as Record<string, unknown>)) {
        if (!known.has(code)) problems.push(`unknown rule "${code}" in "rules"`);
        else if (typeof severity !== 'string' || !severities.includes(severity as SeveritySetting)) {
          problems.push(`"rules.${code}" must be one of ${quote(severities)}, not ${JSON.stringify(severity)}`);
        } else accepted[code] = severity as SeveritySetting;
      }
      if (Object.keys(accepted).length) settings.rules = accepted;
    }
  }

  const libVersion = object['libVersion'];
  if (libVersion !== undefined && libVersion !== '') {
    if (typeof libVersion === 'string' && versionPattern.test(libVersion.trim())) settings.libVersion = libVersion.trim();
    else problems.push(`"libVersion" must be a version such as "2.27.1", not ${JSON.stringify(libVersion)}`);
  }

  const given = object['platforms'];
  if (given !== undefined) {
    if (!Array.isArray(given) || given.length === 0 || given.some((p) => !platforms.includes(p as Platform))) {
      problems.push(`"platforms" must be a non-empty list of ${quote(platforms)}, not ${JSON.stringify(given)}`);
    } else {
      settings.platforms = [...new Set(given as Platform[])];
    }
  }

  const maxFileSize = object['maxFileSize'];
  if (maxFileSize !== undefined && maxFileSize !== null) {
    if (typeof maxFileSize === 'number' && Number.isInteger(maxFileSize) && maxFileSize > 0) settings.maxFileSize = maxFileSize;
    else problems.push(`"maxFileSize" must be a positive number of bytes, not ${JSON.stringify(maxFileSize)}`);
  }

  const ignore = object['ignore'];
  if (ignore !== undefined && ignore !== null) {
    if (!Array.isArray(ignore)) {
      problems.push(
        `"ignore" must be a list of gitignore-style globs such as "components/my-kit/", not ${JSON.stringify(ignore)}`,
      );
    } else {
      const accepted: string[] = [];
      for (const glob of ignore as unknown[]) {
        if (typeof glob === 'string' && glob.trim() !== '' && !glob.includes('\\')) accepted.push(glob.trim());
        else
          problems.push(
            `"ignore" entries must be gitignore-style globs with forward slashes, such as "components/my-kit/", not ${JSON.stringify(glob)}`,
          );
      }
      if (accepted.length) settings.ignore = accepted;
    }
  }

  const defaultIgnore = object['defaultIgnore'];
  if (defaultIgnore !== undefined && defaultIgnore !== null) {
    if (typeof defaultIgnore === 'boolean') settings.defaultIgnore = defaultIgnore;
    else problems.push(`"defaultIgnore" must be true or false, not ${JSON.stringify(defaultIgnore)}`);
  }
  return { settings, problems };
}

/** The analysis options settings stand for. */
export function toAnalysisOptions(settings: Settings): AnalysisOptions {
  // Every platform is no filter at all: the editor's default then checks what the CLI checks by default,
  // including a Taro call whose platform the project does not tell (a WeChat-built project calling
  // Alipay's getOpenUserInfo).
  const everyPlatform = settings.platforms !== undefined && platforms.every((p) => settings.platforms!.includes(p));
  return {
    ...(settings.rules ? { severities: settings.rules } : {}),
    ...(settings.libVersion ? { libVersion: settings.libVersion } : {}),
    ...(settings.platforms && !everyPlatform ? { platforms: settings.platforms } : {}),
    ...(settings.maxFileSize ? { maxFileSize: settings.maxFileSize } : {}),
  };
}

/**
 * Options from two sources, `override` (the editor settings or command-line flags) over `base` (the
 * project file): severities merge per rule, a version or size in `override` wins, and platforms narrow
 * to those both allow.
 */
export function mergeOptions(base: AnalysisOptions, override: AnalysisOptions): AnalysisOptions {
  const severities = base.severities || override.severities ? { ...base.severities, ...override.severities } : undefined;
  const libVersion = override.libVersion ?? base.libVersion;
  const maxFileSize = override.maxFileSize ?? base.maxFileSize;
  const platforms =
    base.platforms && override.platforms
      ? base.platforms.filter((p) => override.platforms!.includes(p))
      : (override.platforms ?? base.platforms);
  return {
    ...(severities ? { severities } : {}),
    ...(libVersion ? { libVersion } : {}),
    ...(maxFileSize ? { maxFileSize } : {}),
    ...(platforms ? { platforms } : {}),
  };
}

/** The project settings file that applies to a file, when there is one. */
export interface ProjectSettings extends SettingsResult {
  /** `…/.mp-userinfo.json` or `…/package.json`. */
  file: string;
}

/** The names of the project settings files, for watchers. */
export const settingsFileNames = ['.mp-userinfo.json', 'package.json'] as const;

/** Reads a settings file: `.mp-userinfo.json` whole, `package.json` by its `mp-userinfo` key. */
function readSettingsFile(host: FileSystemHost, fileName: string): ProjectSettings | undefined {
  const text = host.readFile(fileName);
  if (text === undefined) return undefined;
  const errors: ParseError[] = [];
  const value: unknown = parseJsonc(text, errors, { allowTrailingComma: true });
  const isPackage = path.basename(fileName) === 'package.json';
  if (errors.length) {
    // A broken package.json is not ours to report unless it is the only place settings could be.
    if (isPackage) return undefined;
    const first = errors[0]!;
    return {
      file: fileName,
      settings: {},
      problems: [`it is not valid JSON (${printParseErrorCode(first.error)} at offset ${first.offset})`],
    };
  }
  if (!isPackage) return { file: fileName, ...parseSettings(value, true) };
  const section = value && typeof value === 'object' ? (value as Record<string, unknown>)['mp-userinfo'] : undefined;
  return section === undefined ? undefined : { file: fileName, ...parseSettings(section, true) };
}

/** Finds and caches the project settings file of each folder, walking up from a file. */
export class SettingsFiles {
  private readonly byFolder = new Map<string, ProjectSettings | null>();

  constructor(private readonly host: FileSystemHost) {}

  /** Drops the cache when a settings file (or any package.json) changes. */
  invalidate(fileName: string): void {
    if ((settingsFileNames as readonly string[]).includes(path.basename(fileName))) this.byFolder.clear();
  }

  /** The nearest settings file at or above the file's folder: `.mp-userinfo.json` first, then `package.json`. */
  settingsFor(fileName: string): ProjectSettings | undefined {
    const visited: string[] = [];
    let found: ProjectSettings | null = null;
    for (let dir = path.dirname(fileName), depth = 0; depth < 40; depth++) {
      const cached = this.byFolder.get(dir);
      if (cached !== undefined) {
        found = cached;
        break;
      }
      visited.push(dir);
      const here =
        readSettingsFile(this.host, path.join(dir, settingsFileNames[0])) ??
        readSettingsFile(this.host, path.join(dir, settingsFileNames[1]));
      if (here) {
        found = here;
        break;
      }
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    for (const dir of visited) this.byFolder.set(dir, found);
    return found ?? undefined;
  }
}
