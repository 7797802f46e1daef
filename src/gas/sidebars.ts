/** Opens the sidebars built from html/ (dist/<Name>.html). */
export function showSidebar(file: string, title: string): void {
  const output = HtmlService.createHtmlOutputFromFile(file).setTitle(title);
  SpreadsheetApp.getUi().showSidebar(output);
}

export function showConfigure(): void {
  showSidebar('Configure', 'Activity Tracker — Configure');
}
