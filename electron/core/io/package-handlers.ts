import type { AreaHandlers } from '../handler-types';
import { exportCasePackage } from './package-export';
import { cancelPackage } from './package-thread';
import { importSealedPackage, reviewSealedPackage } from './package-import';

export const packageHandlers: AreaHandlers<'package'> = {
  'package.export': (ctx, input) => exportCasePackage(ctx.workspace, input, ctx.env.kdf),
  'package.review': (ctx, input) => reviewSealedPackage(ctx, input),
  'package.import': (ctx, input) => importSealedPackage(ctx, input),
  'package.cancel': (_ctx, input) => cancelPackage(input.importId),
};
