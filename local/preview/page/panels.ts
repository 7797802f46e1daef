/**
 * What the add-on shows around the grid: toasts (bottom right), alerts (modal), the sidebar
 * (300 px, right of the grid) and dialogs, each shown once, the newest first.
 */
import type { PreviewState } from '../state.js';
import { el } from './dom.js';

const MAX_TOAST_SECONDS = 10;

export class Panels {
  private seen: { toast: number; alert: number; sidebar: number; dialog: number } | null = null;

  constructor(
    private readonly toasts: HTMLElement,
    private readonly sidebar: HTMLElement,
    private readonly overlay: HTMLElement,
  ) {
    window.addEventListener('message', (event) => {
      if (event.origin === location.origin && event.data?.type === 'close-panel') this.closePanels();
    });
  }

  /** Opens what is new since the last state; what existed when the page loaded is not replayed. */
  update(state: PreviewState): void {
    const latest = {
      toast: state.toasts.at(-1)?.index ?? -1,
      alert: state.alerts.at(-1)?.index ?? -1,
      sidebar: state.sidebar?.index ?? -1,
      dialog: state.dialog?.index ?? -1,
    };
    const seen = this.seen ?? latest;
    for (const toast of state.toasts.filter((t) => t.index > seen.toast))
      this.toast(toast.title, toast.message, toast.timeoutSeconds);
    for (const alert of state.alerts.filter((a) => a.index > seen.alert)) this.alert(alert.title, alert.message);
    if (state.sidebar && state.sidebar.index > seen.sidebar) this.openSidebar(state.sidebar.index, state.sidebar.title);
    if (state.dialog && state.dialog.index > seen.dialog) this.openDialog(state.dialog);
    this.seen = latest;
  }

  toast(title: string, message: string, timeoutSeconds = 5): void {
    const box = el('div', 'toast');
    box.setAttribute('role', 'status');
    if (title) box.append(el('strong', '', title));
    box.append(el('div', '', message));
    const close = el('button', 'close', '×');
    close.setAttribute('aria-label', 'Close');
    close.addEventListener('click', () => box.remove());
    box.append(close);
    this.toasts.append(box);
    const seconds = timeoutSeconds < 0 ? null : Math.min(timeoutSeconds || 5, MAX_TOAST_SECONDS);
    if (seconds !== null) setTimeout(() => box.remove(), seconds * 1000);
  }

  alert(title: string, message: string): void {
    const dialog = el('div', 'modal alert');
    dialog.setAttribute('role', 'alertdialog');
    if (title) dialog.append(el('h2', '', title));
    dialog.append(el('p', 'message', message));
    const ok = el('button', 'primary', 'OK');
    ok.addEventListener('click', () => {
      dialog.remove();
      this.overlay.hidden = this.overlay.childElementCount === 0;
    });
    dialog.append(ok);
    this.overlay.append(dialog);
    this.overlay.hidden = false;
    ok.focus();
  }

  private frame(src: string, title: string): HTMLIFrameElement {
    const frame = el('iframe', 'panel-frame');
    frame.src = src;
    frame.title = title;
    return frame;
  }

  private panelHeader(title: string): HTMLElement {
    const header = el('header', 'panel-header');
    header.append(el('span', 'panel-title', title));
    const close = el('button', 'close', '×');
    close.setAttribute('aria-label', 'Close');
    close.addEventListener('click', () => this.closePanels());
    header.append(close);
    return header;
  }

  private openSidebar(index: number, title: string): void {
    this.sidebar.replaceChildren(this.panelHeader(title), this.frame(`/panel/sidebar/${index}`, title));
    this.sidebar.hidden = false;
  }

  private openDialog(dialog: NonNullable<PreviewState['dialog']>): void {
    const box = el('div', 'modal panel-dialog');
    box.style.width = `${dialog.width}px`;
    box.style.height = `${dialog.height}px`;
    box.append(this.panelHeader(dialog.title), this.frame(`/panel/dialog/${dialog.index}`, dialog.title));
    this.overlay.append(box);
    this.overlay.hidden = false;
  }

  /** google.script.host.close() or the × closes the sidebar and any dialog. */
  private closePanels(): void {
    this.sidebar.hidden = true;
    this.sidebar.replaceChildren();
    for (const dialog of Array.from(this.overlay.querySelectorAll('.panel-dialog'))) dialog.remove();
    this.overlay.hidden = this.overlay.childElementCount === 0;
  }
}
