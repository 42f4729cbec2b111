/** A priority of the council's framework as a consultation names it, with its theme, in the reader's language. */
export interface PriorityRef {
  key: string;
  name: string;
  themeKey: string;
  themeName: string;
}
