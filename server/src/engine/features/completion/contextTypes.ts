// What the cursor is on, as far as completion cares — found from the parse tree (completionContext)
// or, when that has nothing there, from the lines around the cursor (lineContext).

/** A span of the text, by offsets [start, end). */
export interface Span {
  start: number;
  end: number;
}

/** Punctuation to add so the inserted text leaves the file valid. */
export interface JsonCommas {
  /** YAML: the cursor is right after `key:` or `-` with no space yet; the proposal brings it. */
  needsSpace?: boolean;
  /** Insert a `,` at this offset (after the previous value, which has none). */
  commaBefore?: number;
  /** Append a `,` to the inserted text (another entry follows it). */
  commaAfter?: boolean;
}

/** A key of a client object is being typed (or the cursor is where one can go). */
export interface KeySlot extends JsonCommas {
  kind: 'key';
  replace: Span;
  /** Keys already in this client, other than the one being typed. */
  existingKeys: ReadonlySet<string>;
  /** A `:` already follows the key: complete the name only. */
  hasValue: boolean;
  /** YAML: the column of this mapping's keys (snippet lines below the key are indented from it). */
  keyColumn: number;
}

/** A value (or one array item) of a client field is being typed. */
export interface ValueSlot extends JsonCommas {
  kind: 'value';
  field: string;
  /** One item of an array value, rather than the whole value. */
  item: boolean;
  replace: Span;
  /** Items already in the array, left out of the proposals. */
  existingItems: ReadonlySet<string>;
  /** The quote the value is (being) written with; undefined: choose from the file's style. */
  quote?: '' | '"' | "'";
  /** YAML: column of the field's key, for a block sequence started on the next line. */
  keyColumn: number;
  /** The cursor is inside this string's content (quotes excluded): scope tokens are completed in it. */
  stringContent?: Span;
}

/** Where a whole new client can go: an empty file or document, or an empty top-level array item. */
export interface TemplateSlot extends JsonCommas {
  kind: 'template';
  replace: Span;
  form: 'document' | 'item';
  /** Column the template's first line starts at; its other lines are indented to it. */
  column: number;
}

export type CompletionSlot = KeySlot | ValueSlot | TemplateSlot;
