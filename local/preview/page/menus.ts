/** The add-on's menus in the menu bar, built from what onOpen added (runtime.ui.menus). */
import type { MenuEntry, MenuRecord } from '../../runtime/ui.js';
import { el } from './dom.js';

export type Choose = (functionName: string, label: string) => void;

function menuList(items: MenuEntry[], choose: Choose): HTMLUListElement {
  const list = el('ul', 'menu-items');
  list.setAttribute('role', 'menu');
  for (const item of items) {
    const li = el('li');
    if (item.separator) {
      li.className = 'separator';
      li.setAttribute('role', 'separator');
    } else if (item.submenu) {
      li.className = 'submenu';
      li.textContent = item.submenu.title;
      li.append(menuList(item.submenu.items, choose));
    } else {
      const button = el('button', 'menu-item', item.label ?? '');
      button.setAttribute('role', 'menuitem');
      button.addEventListener('click', () => choose(item.functionName ?? '', item.label ?? ''));
      li.append(button);
    }
    list.append(li);
  }
  return list;
}

export function closeMenus(bar: HTMLElement): void {
  for (const open of Array.from(bar.querySelectorAll('.menu.open'))) open.classList.remove('open');
}

export function renderMenus(bar: HTMLElement, menus: MenuRecord[], choose: Choose): void {
  const close = () => closeMenus(bar);
  bar.replaceChildren(
    ...menus.map((menu) => {
      const wrapper = el('div', 'menu');
      const title = el('button', 'menu-title', menu.title);
      title.setAttribute('aria-haspopup', 'menu');
      title.addEventListener('click', (event) => {
        event.stopPropagation();
        const wasOpen = wrapper.classList.contains('open');
        close();
        wrapper.classList.toggle('open', !wasOpen);
      });
      wrapper.append(
        title,
        menuList(menu.items, (fn, label) => {
          close();
          choose(fn, label);
        }),
      );
      return wrapper;
    }),
  );
}
