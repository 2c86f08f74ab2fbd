import type { AreaHandlers } from '../handler-types';
import { readSettings, updateSettings } from './settings-service';

export const settingsHandlers: AreaHandlers<'settings'> = {
  'settings.get': (ctx) => readSettings(ctx.workspace.db),
  'settings.update': (ctx, input) => {
    const settings = updateSettings(ctx.workspace, input);
    ctx.sessions.reloadSettings();
    return settings;
  },
};
