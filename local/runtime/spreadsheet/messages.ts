/**
 * Sheets texts the spreadsheet fake throws that errors.ts does not hold yet. The duplicate-name
 * text is the one quoted in the task brief; the others are [unc]: wording as the Sheets UI shows it.
 */
export const SHEET_MESSAGES = {
  duplicateSheet: (name: string) => `A sheet with the name "${name}" already exists. Please enter another name.`,
  removeAllSheets: "You can't remove all the sheets in a document.",
  hideAllSheets: "You can't hide all the sheets in a document.",
  cellOutOfRange: 'Cell reference out of range',
} as const;
