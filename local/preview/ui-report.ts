/** Prints what the add-on showed the user (toasts, alerts) and failed runs in the terminal, in plain words. */
import type { Runtime } from '../runtime/index.js';

export type Say = (line: string) => void;

export class UiReport {
  private toasts: number;
  private alerts: number;
  private executions: number;

  constructor(
    private readonly runtime: Runtime,
    private readonly say: Say,
  ) {
    this.toasts = runtime.ui.toasts.length;
    this.alerts = runtime.ui.alerts.length;
    this.executions = runtime.executions.length;
  }

  /** Prints everything new since the last call; returns the problems among it (alerts and errors). */
  flush(): string[] {
    const { ui, executions } = this.runtime;
    const problems: string[] = [];
    for (const toast of ui.toasts.slice(this.toasts))
      this.say(`  ${toast.title ? `${toast.title}: ` : ''}${toast.message}`);
    for (const alert of ui.alerts.slice(this.alerts)) {
      const text = [alert.title, alert.message].filter(Boolean).join(': ');
      this.say(`  Alert — ${text}`);
      problems.push(text);
    }
    for (const run of executions.slice(this.executions)) {
      if (!run.error) continue;
      this.say(`  ${run.name} failed: ${run.error}`);
      problems.push(`${run.name} failed: ${run.error}`);
    }
    this.toasts = ui.toasts.length;
    this.alerts = ui.alerts.length;
    this.executions = executions.length;
    return problems;
  }
}
