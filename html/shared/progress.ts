/** "Searching… 12 s" while a server call runs; the reason when it fails. Never an endless wait. */
import { showStatus } from './dom';
import { failureMessage } from './server';

export interface Progress {
  stop(message?: string): void;
  fail(error: unknown): void;
}

export function startProgress(target: HTMLElement, label: string): Progress {
  const started = Date.now();
  const tick = () => showStatus(target, `${label}… ${Math.round((Date.now() - started) / 1000)} s`);
  tick();
  const timer = window.setInterval(tick, 1000);
  target.setAttribute('aria-busy', 'true');
  const end = () => {
    window.clearInterval(timer);
    target.removeAttribute('aria-busy');
  };
  return {
    stop(message = '') {
      end();
      showStatus(target, message, 'success');
    },
    fail(error) {
      end();
      showStatus(target, failureMessage(error), 'error');
    },
  };
}
