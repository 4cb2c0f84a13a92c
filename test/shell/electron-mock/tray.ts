// Tray, menus, native images and notifications.
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';
import { mock } from './state.js';

export interface NativeImage {
  path: string;
  isEmpty(): boolean;
}
export const nativeImage = {
  createFromPath: vi.fn((path: string): NativeImage => ({ path, isEmpty: () => false })),
};

export interface MenuItemOptions {
  label?: string;
  type?: string;
  enabled?: boolean;
  checked?: boolean;
  click?: (item: MenuItemOptions) => void;
}
export class MockMenu {
  constructor(readonly items: MenuItemOptions[]) {}
  /** Test helper: the item with this label, or an error naming the labels there are. */
  item(label: string): MenuItemOptions {
    const found = this.items.find((i) => i.label === label);
    if (!found) throw new Error(`no menu item "${label}" in [${this.items.map((i) => i.label ?? `(${i.type})`).join(', ')}]`);
    return found;
  }
  /** Test helper: clicks as Electron does (a checkbox flips before its click handler runs). */
  click(label: string): void {
    const item = this.item(label);
    if (item.enabled === false) throw new Error(`menu item "${label}" is disabled`);
    if (item.type === 'checkbox') item.checked = !item.checked;
    item.click?.(item);
  }
}
export const Menu = {
  buildFromTemplate: vi.fn((template: MenuItemOptions[]) => new MockMenu(template.map((i) => ({ ...i })))),
  setApplicationMenu: vi.fn(),
};

export class Tray extends EventEmitter {
  static instances: Tray[] = [];
  image: NativeImage | string;
  images: string[] = [];
  tooltip = '';
  menu: MockMenu | null = null;
  readonly setContextMenu = vi.fn((menu: MockMenu) => {
    this.menu = menu;
  });
  constructor(image: NativeImage | string) {
    super();
    this.image = image;
    this.images.push(typeof image === 'string' ? image : image.path);
    Tray.instances.push(this);
  }
  setImage(image: NativeImage | string): void {
    this.image = image;
    this.images.push(typeof image === 'string' ? image : image.path);
  }
  setToolTip(text: string): void {
    this.tooltip = text;
  }
  get imagePath(): string {
    return typeof this.image === 'string' ? this.image : this.image.path;
  }
  destroy(): void {}
}

export class Notification {
  static isSupported = vi.fn(() => true);
  constructor(private readonly options: { title?: string; body?: string } = {}) {}
  show(): void {
    mock.state.notifications.push(this.options);
  }
}
