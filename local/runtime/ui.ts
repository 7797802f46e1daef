/**
 * The spreadsheet's Ui (menus, alerts, prompts, sidebars, dialogs) and the UiLog tests read.
 * Alerts and prompts suspend the script on the platform, and "LockService locks don't persist
 * across the suspension" (docs/apps-script-notes.md#lockservice), so they release the execution's locks.
 */
import { type GasEnumValue, gasEnum, isEnumValue } from './enums.js';
import type { Implements } from './gas-types.js';
import type { HtmlOutput } from './html.js';

export const Button = gasEnum('OK', 'CANCEL', 'YES', 'NO', 'CLOSE');
export type ButtonName = keyof typeof Button;
export const ButtonSet = gasEnum('OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL');
type ButtonSetName = keyof typeof ButtonSet;

/** The button a user who just presses Enter picks. */
const DEFAULT_BUTTON: Record<ButtonSetName, ButtonName> = {
  OK: 'OK',
  OK_CANCEL: 'OK',
  YES_NO: 'YES',
  YES_NO_CANCEL: 'YES',
};

/** One line of a menu: an item (label + function), a separator, or a submenu. */
export interface MenuEntry {
  label?: string;
  functionName?: string;
  separator?: boolean;
  submenu?: MenuRecord;
}
export interface MenuRecord {
  title: string;
  addon: boolean;
  items: MenuEntry[];
}
export interface DialogRecord {
  kind: 'alert' | 'prompt';
  title: string;
  message: string;
  buttons: ButtonSetName;
  answer: ButtonName;
  text?: string;
}
export interface PanelRecord {
  title: string;
  html: string;
  file?: string;
  width?: number;
  height?: number;
}
export interface ToastRecord {
  message: string;
  title: string;
  timeoutSeconds: number;
  atMs: number;
}
export interface DialogAnswer {
  button: ButtonName;
  text?: string;
}

/** Everything the script showed the user; persists across executions like the open document. */
export class UiLog {
  /** The document's custom menus; adding a menu with the same title replaces it. */
  readonly menus: MenuRecord[] = [];
  readonly alerts: DialogRecord[] = [];
  readonly toasts: ToastRecord[] = [];
  readonly sidebars: PanelRecord[] = [];
  readonly dialogs: PanelRecord[] = [];
  private readonly answers: DialogAnswer[] = [];

  answerNext(answer: DialogAnswer): void {
    this.answers.push(answer);
  }

  nextAnswer(buttons: ButtonSetName): DialogAnswer {
    return this.answers.shift() ?? { button: DEFAULT_BUTTON[buttons], text: '' };
  }

  addMenu(menu: MenuRecord): void {
    const index = this.menus.findIndex((existing) => existing.title === menu.title && existing.addon === menu.addon);
    if (index >= 0) this.menus[index] = menu;
    else this.menus.push(menu);
  }

  /** The function a menu click runs, by "Menu title > item label" (tests click menus this way). */
  menuFunction(path: string): string | undefined {
    const [title, ...labels] = path.split('>').map((part) => part.trim());
    let items = this.menus.find((menu) => menu.title === title)?.items;
    for (const [index, label] of labels.entries()) {
      const entry = items?.find((item) => item.label === label || item.submenu?.title === label);
      if (entry?.submenu) items = entry.submenu.items;
      else return index === labels.length - 1 ? entry?.functionName : undefined;
    }
    return undefined;
  }
}

type GasMenu = GoogleAppsScript.Base.Menu;

export class Menu implements Implements<GasMenu, 'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi'> {
  static readonly gasName = 'Menu';
  readonly record: MenuRecord;

  constructor(
    title: string,
    addon: boolean,
    private readonly log: UiLog,
  ) {
    this.record = { title, addon, items: [] };
  }

  addItem(caption: string, functionName: string): Menu {
    this.record.items.push({ label: String(caption), functionName: String(functionName) });
    return this;
  }

  addSeparator(): Menu {
    this.record.items.push({ separator: true });
    return this;
  }

  addSubMenu(menu: GoogleAppsScript.Base.Menu | Menu): Menu {
    this.record.items.push({ submenu: (menu as Menu).record });
    return this;
  }

  addToUi(): void {
    this.log.addMenu(this.record);
  }
}

type GasPromptResponse = GoogleAppsScript.Base.PromptResponse;

export class PromptResponse implements Implements<GasPromptResponse, 'getResponseText' | 'getSelectedButton'> {
  static readonly gasName = 'PromptResponse';

  constructor(private readonly answer: DialogAnswer) {}

  getResponseText(): string {
    return this.answer.text ?? '';
  }

  getSelectedButton(): GasEnumValue<ButtonName> {
    return Button[this.answer.button];
  }
}

export interface UiHooks {
  log: UiLog;
  /** The script is suspended while a dialog waits for the user. */
  onSuspend(): void;
  /** Name of the add-on menu (the script's name). */
  addonTitle: string;
}

type GasUi = GoogleAppsScript.Base.Ui;
/** Scripts only ever hold our HtmlOutput; the union keeps the signature checkable against the GAS types. */
type AnyHtmlOutput = GoogleAppsScript.HTML.HtmlOutput | HtmlOutput;

export class Ui
  implements
    Implements<
      GasUi,
      'createMenu' | 'createAddonMenu' | 'alert' | 'prompt' | 'showSidebar' | 'showModalDialog' | 'showModelessDialog'
    >
{
  static readonly gasName = 'Ui';
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  constructor(private readonly hooks: UiHooks) {}

  createMenu(caption: string): Menu {
    return new Menu(String(caption), false, this.hooks.log);
  }

  createAddonMenu(): Menu {
    return new Menu(this.hooks.addonTitle, true, this.hooks.log);
  }

  /** alert(prompt) | alert(prompt, buttons) | alert(title, prompt, buttons). */
  alert(...args: unknown[]): GasEnumValue<ButtonName> {
    return Button[this.ask('alert', args).button];
  }

  prompt(...args: unknown[]): PromptResponse {
    return new PromptResponse(this.ask('prompt', args));
  }

  showSidebar(userInterface: AnyHtmlOutput): void {
    this.hooks.log.sidebars.push(panel(userInterface));
  }

  showModalDialog(userInterface: AnyHtmlOutput, title: string): void {
    this.hooks.log.dialogs.push({ ...panel(userInterface), title: String(title) });
  }

  showModelessDialog(userInterface: AnyHtmlOutput, title: string): void {
    this.showModalDialog(userInterface, title);
  }

  private ask(kind: 'alert' | 'prompt', args: unknown[]): DialogAnswer {
    const strings = args.filter((arg) => !isEnumValue(ButtonSet, arg)).map(String);
    const buttonSet = args.find((arg) => isEnumValue(ButtonSet, arg)) as GasEnumValue<ButtonSetName> | undefined;
    const buttons = buttonSet?.name() ?? 'OK';
    const [title, message] = strings.length >= 2 ? strings : ['', strings[0] ?? ''];
    this.hooks.onSuspend();
    const answer = this.hooks.log.nextAnswer(buttons);
    this.hooks.log.alerts.push({ kind, title, message, buttons, answer: answer.button, text: answer.text });
    return answer;
  }
}

/** Reads the output's fields (not its methods, which would count as service calls). */
function panel(userInterface: AnyHtmlOutput): PanelRecord {
  const output = userInterface as HtmlOutput;
  return {
    title: output.title,
    html: output.content,
    file: output.file,
    width: output.width || undefined,
    height: output.height || undefined,
  };
}
