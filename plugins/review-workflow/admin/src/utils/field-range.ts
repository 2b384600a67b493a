/**
 * Finding ranges in the edit view's inputs. Offsets are UTF-16 indices into the stored value, which is
 * what both <input>/<textarea> selection and CodeMirror's posFromIndex count.
 */

interface CodeMirrorPos {
  line: number;
  ch: number;
}
/** The part of CodeMirror 5 (Strapi's markdown editor) used here. */
interface CodeMirrorLike {
  getValue(): string;
  posFromIndex(index: number): CodeMirrorPos;
  setSelection(from: CodeMirrorPos, to: CodeMirrorPos): void;
  replaceRange(text: string, from: CodeMirrorPos, to: CodeMirrorPos): void;
  scrollIntoView(pos: CodeMirrorPos): void;
  focus(): void;
}

/** The markdown editor showing `value` (Strapi's editor has no name attribute; its content identifies it). */
const codeMirrorFor = (value: string): CodeMirrorLike | null => {
  for (const element of Array.from(document.querySelectorAll('.CodeMirror'))) {
    const editor = (element as unknown as { CodeMirror?: CodeMirrorLike }).CodeMirror;
    if (editor && editor.getValue() === value) return editor;
  }
  return null;
};

const plainInput = (field: string) =>
  document.querySelector<HTMLInputElement | HTMLTextAreaElement>(`input[name="${CSS.escape(field)}"], textarea[name="${CSS.escape(field)}"]`);

/** Selects [offset, offset + length) in the field's input and scrolls to it. Returns false when the field is not on screen. */
export const selectRange = (field: string, value: string, offset: number, length: number): boolean => {
  const input = plainInput(field);
  if (input) {
    input.focus();
    input.setSelectionRange(offset, offset + length);
    input.scrollIntoView({ block: 'center' });
    return true;
  }
  const editor = codeMirrorFor(value);
  if (!editor) return false;
  const from = editor.posFromIndex(offset);
  const to = editor.posFromIndex(offset + length);
  editor.focus();
  editor.setSelection(from, to);
  editor.scrollIntoView(from);
  return true;
};

/** `value` with [offset, offset + length) replaced by `replacement`; null when the range is outside the value. */
export const replaceRange = (value: string, offset: number, length: number, replacement: string): string | null => {
  if (offset < 0 || length < 0 || offset + length > value.length) return null;
  return value.slice(0, offset) + replacement + value.slice(offset + length);
};

/**
 * Replaces the range in the draft. The markdown editor is changed through CodeMirror (it ignores form
 * updates while focused); other fields through the form's onChange.
 */
export const applyReplacement = (
  field: string,
  value: string,
  offset: number,
  length: number,
  replacement: string,
  onChange: (field: string, next: string) => void
): boolean => {
  const next = replaceRange(value, offset, length, replacement);
  if (next === null) return false;
  const editor = plainInput(field) ? null : codeMirrorFor(value);
  if (editor) editor.replaceRange(replacement, editor.posFromIndex(offset), editor.posFromIndex(offset + length));
  else onChange(field, next);
  return true;
};
