/**
 * Type-checks a fake class against @types/google-apps-script: every method the fake implements
 * must accept the documented parameters. Return types are the fakes' own (a fake Range is not a
 * full Range), so only names and parameter lists are compared.
 *
 *   class FakeRange implements Implements<GoogleAppsScript.Spreadsheet.Range, 'getValues' | 'setValues'> {…}
 */
export type Implements<T, K extends keyof T> = {
  [P in K]: T[P] extends (...args: infer A) => unknown ? (...args: A) => unknown : T[P];
};
