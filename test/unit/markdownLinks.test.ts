// The documentation's links stay inside the repository: every relative link of README.md, docs/*.md and the
// other Markdown files names a file or folder of the repository that exists, and every #anchor names a heading
// of its file (as GitHub makes heading anchors). Links with a scheme (https:, mailto:) are not followed.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const repoRoot = path.resolve(__dirname, '..', '..');
const markdownFiles = [
  'README.md',
  'CHANGELOG.md',
  'bench/README.md',
  'examples/README.md',
  ...readdirSync(path.join(repoRoot, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

/** The text outside fenced code blocks and inline code spans, line by line (code spans blanked, not removed). */
function proseLines(markdown: string): string[] {
  let fence: string | undefined;
  return markdown.split('\n').map((line) => {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      return '';
    }
    if (marker) {
      fence = marker;
      return '';
    }
    return line.replace(/(`+)[^`]*?\1/g, (span) => ' '.repeat(span.length));
  });
}

/** The link targets of a Markdown text: inline links and images, reference definitions, HTML href/src. */
function linksOf(markdown: string): Array<{ target: string; line: number }> {
  const links: Array<{ target: string; line: number }> = [];
  proseLines(markdown).forEach((text, index) => {
    const patterns = [
      /\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g,
      /^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/g,
      /<(?:a|img)\s[^>]*?(?:href|src)="([^"]+)"/g,
    ];
    for (const pattern of patterns)
      for (const match of text.matchAll(pattern)) links.push({ target: match[1]!, line: index + 1 });
  });
  return links;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of proseLines(markdown.replace(/`([^`]*)`/g, '$1'))) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const text = heading.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/<[^>]+>/g, '');
    const slug = text
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count ? `${slug}-${count}` : slug);
  }
  for (const match of markdown.matchAll(/<a\s[^>]*?(?:id|name)="([^"]+)"/g)) anchors.add(match[1]!);
  return anchors;
}

/** What is wrong with one link of `file`, or undefined when it is fine. */
function problemOf(file: string, target: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return undefined;
  const [rawPath = '', rawAnchor] = target.split('#', 2);
  const linkPath = decodeURIComponent(rawPath);
  if (path.isAbsolute(linkPath)) return 'is an absolute path';
  const resolved = linkPath ? path.resolve(repoRoot, path.dirname(file), linkPath) : path.join(repoRoot, file);
  const relative = path.relative(repoRoot, resolved);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return 'leaves the repository';
  if (!existsSync(resolved)) return `names ${relative}, which does not exist`;
  if (rawAnchor === undefined || !resolved.endsWith('.md') || !statSync(resolved).isFile()) return undefined;
  const anchor = decodeURIComponent(rawAnchor);
  return anchorsOf(readFileSync(resolved, 'utf8')).has(anchor) ? undefined : `names #${anchor}, no heading of ${relative}`;
}

describe('Markdown links', () => {
  it('finds links, code blocks aside, and makes anchors as GitHub does', () => {
    const text =
      '# Set-up\n## 微信（`wx`）\n## Set-up\n[a](docs/x.md#y "t") ![b](<images/c.png>)\n```\n[no](z.md)\n```\n`[no](w.md)`\n[r]: ../out.md\n';
    assert.deepEqual(
      linksOf(text).map((l) => `${l.line} ${l.target}`),
      ['4 docs/x.md#y', '4 images/c.png', '9 ../out.md'],
    );
    assert.deepEqual([...anchorsOf(text)], ['set-up', '微信wx', 'set-up-1']);
    assert.equal(problemOf('README.md', '../shared/FACTS.md'), 'leaves the repository');
    assert.equal(problemOf('README.md', '/work/main/README.md'), 'is an absolute path');
    assert.equal(problemOf('docs/rules.md', '../README.md#no-such-heading'), 'names #no-such-heading, no heading of README.md');
    assert.equal(problemOf('docs/rules.md', '../README.md#testing'), undefined);
  });

  for (const file of markdownFiles) {
    it(`${file}: relative links name files of the repository`, () => {
      const problems = linksOf(readFileSync(path.join(repoRoot, file), 'utf8')).flatMap(({ target, line }) => {
        const problem = problemOf(file, target);
        return problem ? [`${file}:${line}: ${target} ${problem}`] : [];
      });
      assert.deepEqual(problems, []);
    });
  }
});
