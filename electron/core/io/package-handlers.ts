import type { AreaHandlers } from '../handler-types';
import { exportCasePackage } from './package-export';
import { importSealedPackage, reviewSealedPackage } from './package-import';

export const packageHandlers: AreaHandlers<'package'> = {
  'package.export': (ctx, input) => exportCasePackage(ctx.workspace, input, ctx.env.kdf),
  'package.review': (ctx, input) => reviewSealedPackage(ctx.workspace, input, ctx.env.kdf),
  'package.import': (ctx, input) => importSealedPackage(ctx.workspace, input, ctx.env.kdf),
};
