// Offsets and LSP positions agree with a line-by-line count, whatever the line lengths: files of
// short lines outgrow the index's first guess, CRLF and lone CR end lines too.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LineIndex } from '../../../server/src/engine/document/lineIndex';

/** The position of every offset, counted the slow way. */
function naivePositions(text: string): { line: number; character: number }[] {
  const out = [];
  let line = 0;
  let lineStart = 0;
  for (let o = 0; o <= text.length; o++) {
    out.push({ line, character: o - lineStart });
    const c = text[o];
    if (c === '\n' || (c === '\r' && text[o + 1] !== '\n')) {
      line++;
      lineStart = o + 1;
    }
  }
  return out;
}

function check(text: string): void {
  const index = new LineIndex(text);
  const expected = naivePositions(text);
  for (let o = 0; o <= text.length; o++) {
    // The offset between the \r and \n of a CRLF is the end of its line (see LineIndex).
    if (text[o] === '\n' && text[o - 1] === '\r') continue;
    assert.deepEqual(index.positionAt(o), expected[o], `offset ${o} of ${JSON.stringify(text.slice(0, 40))}`);
    assert.equal(index.offsetAt(expected[o]), o);
  }
  assert.equal(index.lineCount, expected[text.length].line + 1);
}

test('a file of many short lines outgrows the first guess and keeps every line start', () => {
  check('\n'.repeat(100));
  check(Array.from({ length: 500 }, (_, i) => 'x'.repeat(i % 3)).join('\n'));
});

test('long lines, an empty text and a text without a newline', () => {
  check('');
  check('no newline at all');
  check(`${'a'.repeat(1000)}\n${'b'.repeat(10)}\n`);
});

test('CRLF and lone CR end lines as LF does', () => {
  check('a\r\nbb\r\n\r\nccc');
  check('a\rb\r\nc\nd');
});
