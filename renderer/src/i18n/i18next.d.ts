import 'i18next';
import type { zhCN } from '../../../electron/api/i18n/zh-CN';

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof zhCN };
  }
}
