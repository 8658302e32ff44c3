// Where the bench types into a document, and a local copy of the text so full-sync servers can be
// sent the same edit as incremental ones.

function lineStartOffsets(text) {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

export function applyEdit(text, range, newText) {
  const starts = lineStartOffsets(text);
  const offset = (p) => starts[p.line] + p.character;
  return text.slice(0, offset(range.start)) + newText + text.slice(offset(range.end));
}

/**
 * The last client's `client_id` line. Completion goes on a new empty line right below it (where
 * a user adds a key), hover on the `client_name` key that follows: both deep in the document, so a
 * server that walks from the top pays for the whole file.
 */
export function lastClientAnchor(text, format) {
  const lines = text.split('\n');
  const re = format === 'json' ? /^(\s*)"client_id":/ : /^(\s*- |\s*)client_id:/;
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = re.exec(lines[i]);
    if (!m) continue;
    const indent = m[1].length;
    return {
      insert: { range: { start: { line: i + 1, character: 0 }, end: { line: i + 1, character: 0 } }, text: `${' '.repeat(indent)}\n` },
      completionAt: { line: i + 1, character: indent },
      // After the insert, client_name sits two lines below client_id; +3 lands inside the key.
      hoverAt: { line: i + 2, character: indent + 3 },
    };
  }
  throw new Error(`no client_id in the ${format} document`);
}

/** Range of the first client_name value (without JSON quotes), for one-value edits. */
export function clientNameValueRange(text, format) {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => /^\s*(- )?"?client_name"?:/.test(l));
  if (line === -1) throw new Error(`no client_name in the ${format} document`);
  const l = lines[line];
  const colon = l.indexOf(':');
  const [start, end] = format === 'json' ? [l.indexOf('"', colon) + 1, l.lastIndexOf('"')] : [colon + 2, l.length];
  return { start: { line, character: start }, end: { line, character: end } };
}
