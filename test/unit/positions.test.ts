import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lineStarts, positionAt } from '../../server/src/core/positions';

describe('positions', () => {
  it('maps offsets to 0-based lines and UTF-16 characters', () => {
    const text = 'Page({\r\n  onTap() {},\n😀 x\n';
    const starts = lineStarts(text);
    assert.deepEqual(starts, [0, 8, 22, 27]);
    assert.deepEqual(positionAt(starts, 0), { line: 0, character: 0 });
    assert.deepEqual(positionAt(starts, 7), { line: 0, character: 7 }, 'the \\r ends the line it belongs to');
    assert.deepEqual(positionAt(starts, text.indexOf('onTap')), { line: 1, character: 2 });
    assert.deepEqual(positionAt(starts, text.indexOf('x')), { line: 2, character: 3 }, 'an emoji is two UTF-16 units');
    assert.deepEqual(positionAt(starts, text.length), { line: 3, character: 0 });
  });

  it('handles an empty text', () => {
    assert.deepEqual(positionAt(lineStarts(''), 0), { line: 0, character: 0 });
  });
});
