import type { AreaHandlers } from '../handler-types';
import { rotateKey } from '../vault/key-rotation';
import {
  createUser,
  disableUser,
  enableUser,
  listUsers,
  resetUserPassword,
  setUserRole,
} from './user-service';

export const userHandlers: AreaHandlers<'users'> = {
  'users.list': (ctx) => listUsers(ctx.workspace.db),
  'users.create': (ctx, input) => createUser(ctx.workspace, input),
  'users.setRole': (ctx, input) => setUserRole(ctx.workspace, input.userId, input.role, ctx.env),
  'users.disable': (ctx, input) => disableUser(ctx.workspace, input.userId, ctx.env),
  'users.enable': (ctx, input) => enableUser(ctx.workspace, input.userId, input.password),
  'users.rotateKey': async (ctx) => {
    await rotateKey(ctx.workspace, ctx.env);
    return { ok: true };
  },
  'users.resetPassword': async (ctx, input) => {
    await resetUserPassword(ctx.workspace, input.userId, input.password);
    return { ok: true };
  },
};
