// English strings, one catalogue per area of the panel in en/; fr.ts must have the same keys (checked
// by its type, and by the i18n test at run time).
import { archiveEn } from './en/archive';
import { connectionEn } from './en/connection';
import { historyEn } from './en/history';
import { messagesEn } from './en/messages';
import { panelEn } from './en/panel';
import { settingsEn } from './en/settings';
import { updateEn } from './en/update';

export const en = {
  ...panelEn,
  ...settingsEn,
  ...messagesEn,
  ...updateEn,
  ...archiveEn,
  ...historyEn,
  ...connectionEn,
};

export type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
export type Translation = Strings<typeof en>;
