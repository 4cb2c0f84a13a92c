// French strings: the original Discord Monitor was French, so its wording is reused where it exists
// ("Tentative de reconnexion 3/10…", "Reconnexion réussie ! Rechargement de la page…").
// One catalogue per area in fr/, each typed by its English twin so a missing or extra key fails to compile.
import type { Translation } from './en';
import { archiveFr } from './fr/archive';
import { connectionFr } from './fr/connection';
import { historyFr } from './fr/history';
import { messagesFr } from './fr/messages';
import { panelFr } from './fr/panel';
import { settingsFr } from './fr/settings';
import { updateFr } from './fr/update';

export const fr: Translation = {
  ...panelFr,
  ...settingsFr,
  ...messagesFr,
  ...updateFr,
  ...archiveFr,
  ...historyFr,
  ...connectionFr,
};
