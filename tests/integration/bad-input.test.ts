import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  adminPassword,
  createTestWorkspace,
  makeTestCore,
  type TestCore,
} from '../helpers/test-core';
import { fingerprint } from '../helpers/workspace-files';

let c: TestCore;
afterEach(() => c?.dispose());

async function lockedWorkspace(): Promise<string> {
  c = makeTestCore();
  const { path: dir } = await createTestWorkspace(c);
  await c.ok('cases.create', {
    caseNo: 'A01',
    title: '坏输入测试',
    offenceType: 'other',
    openedOn: '2026-11-01',
  });
  await c.ok('session.lock', {});
  return dir;
}

const unlock = (dir: string) =>
  c.call('session.unlock', { path: dir, username: 'admin', password: adminPassword });

describe('damaged workspaces give a clear error and are left exactly as they were', () => {
  it('a database file overwritten with random bytes', async () => {
    const dir = await lockedWorkspace();
    fs.writeFileSync(path.join(dir, 'quanlian.db'), crypto.randomBytes(64 * 1024));
    const before = fingerprint(dir);
    expect(await unlock(dir)).toMatchObject({ ok: false, error: { code: 'workspace.corrupt' } });
    expect(fingerprint(dir)).toEqual(before);
  });

  it('a truncated database file', async () => {
    const dir = await lockedWorkspace();
    const file = path.join(dir, 'quanlian.db');
    fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));
    const before = fingerprint(dir);
    expect(await unlock(dir)).toMatchObject({ ok: false, error: { code: 'workspace.corrupt' } });
    expect(fingerprint(dir)).toEqual(before);
  });

  it('a file of the wrong type in place of the database', async () => {
    const dir = await lockedWorkspace();
    const png = Buffer.concat([
      Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
      crypto.randomBytes(8192),
    ]);
    fs.writeFileSync(path.join(dir, 'quanlian.db'), png);
    const before = fingerprint(dir);
    expect(await unlock(dir)).toMatchObject({ ok: false, error: { code: 'workspace.corrupt' } });
    expect(fingerprint(dir)).toEqual(before);
  });

  it('a plain (unencrypted) SQLite file in place of the database', async () => {
    const dir = await lockedWorkspace();
    fs.rmSync(path.join(dir, 'quanlian.db'));
    const Database = (await import('better-sqlite3')).default;
    const plain = new Database(path.join(dir, 'quanlian.db'));
    plain.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    plain.close();
    const before = fingerprint(dir);
    expect(await unlock(dir)).toMatchObject({ ok: false, error: { code: 'workspace.corrupt' } });
    expect(fingerprint(dir)).toEqual(before);
  });

  it('a missing database file', async () => {
    const dir = await lockedWorkspace();
    fs.rmSync(path.join(dir, 'quanlian.db'));
    const before = fingerprint(dir);
    expect(await unlock(dir)).toMatchObject({
      ok: false,
      error: { code: 'workspace.databaseMissing' },
    });
    expect(fingerprint(dir)).toEqual(before);
  });

  it('a missing header', async () => {
    const dir = await lockedWorkspace();
    fs.rmSync(path.join(dir, 'workspace.json'));
    const before = fingerprint(dir);
    expect(await unlock(dir)).toMatchObject({
      ok: false,
      error: { code: 'workspace.headerMissing' },
    });
    expect(await c.call('workspace.inspect', { path: dir })).toMatchObject({
      ok: false,
      error: { code: 'workspace.headerMissing' },
    });
    expect(fingerprint(dir)).toEqual(before);
  });

  it('a header that is not JSON, or JSON of another shape', async () => {
    const dir = await lockedWorkspace();
    fs.writeFileSync(
      path.join(dir, 'workspace.json'),
      '{"format": "quanlian-workspace", "slots": [',
    );
    let before = fingerprint(dir);
    expect(await unlock(dir)).toMatchObject({
      ok: false,
      error: { code: 'workspace.headerInvalid' },
    });
    expect(fingerprint(dir)).toEqual(before);

    fs.writeFileSync(path.join(dir, 'workspace.json'), JSON.stringify({ hello: 'world' }));
    before = fingerprint(dir);
    expect(await unlock(dir)).toMatchObject({
      ok: false,
      error: { code: 'workspace.headerInvalid' },
    });
    expect(fingerprint(dir)).toEqual(before);
  });

  it('a folder that does not exist', async () => {
    c = makeTestCore();
    expect(
      await c.call('session.unlock', {
        path: path.join(c.root, 'nowhere'),
        username: 'a',
        password: 'b',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'workspace.notFound' },
    });
  });

  it('an error never carries the password or a path to the key', async () => {
    const dir = await lockedWorkspace();
    const result = await c.call('session.unlock', {
      path: dir,
      username: 'admin',
      password: 'Wrong#Secret-991',
    });
    expect(JSON.stringify(result)).not.toContain('Wrong#Secret-991');
  });
});

describe('bad input to procedures', () => {
  it('an invalid resident ID number is refused with the reason, and nothing is written', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const caseRow = await c.ok('cases.create', {
      caseNo: 'A01',
      title: '身份证校验',
      offenceType: 'other',
      openedOn: '2026-11-01',
    });
    const cases: [string, Record<string, unknown>][] = [
      ['110105194912310021', { problem: 'checkDigit', expectedCheck: 'X' }],
      ['11010519491231002', { problem: 'length' }],
      ['1101051949123100AX', { problem: 'characters' }],
      ['990105194912310025', { problem: 'region' }],
      ['110105194902300023', { problem: 'birthDate' }],
    ];
    for (const [idNumber, details] of cases) {
      const result = await c.call('cases.addPerson', {
        caseId: caseRow.id,
        person: { name: '某人', idNumber },
      });
      expect(result, idNumber).toMatchObject({
        ok: false,
        error: { code: 'persons.invalidIdNumber', details },
      });
    }
    expect((await c.ok('cases.get', { id: caseRow.id })).persons).toEqual([]);
    expect((await c.ok('entities.list', {})).total).toBe(0);
    expect((await c.ok('audit.list', { action: 'cases.personAdded' })).total).toBe(0);
  });

  it('malformed input is refused by the schema before any handler runs', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const results = [
      await c.router.invoke('cases.create', { caseNo: 123 }),
      await c.router.invoke('cases.create', {
        caseNo: 'A 1',
        title: 'x',
        offenceType: 'trafficking',
        openedOn: '2026-11-01',
      }),
      await c.router.invoke('cases.create', {
        caseNo: 'A01',
        title: 'x',
        offenceType: 'murder',
        openedOn: '2026-11-01',
      }),
      await c.router.invoke('cases.create', {
        caseNo: 'A01',
        title: 'x',
        offenceType: 'other',
        openedOn: '2026-13-45',
      }),
      await c.router.invoke('cases.list', { pageSize: 100000 }),
      await c.router.invoke('cases.list', 'not an object'),
    ];
    for (const result of results)
      expect(result).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
    expect(await c.router.invoke('cases.dropAll', {})).toEqual({
      ok: false,
      error: { code: 'procedure.unknown', message: 'Unknown procedure' },
    });
    expect(await c.router.invoke('__proto__', {})).toMatchObject({
      ok: false,
      error: { code: 'procedure.unknown' },
    });
    expect((await c.ok('cases.list', {})).total).toBe(0);
  });

  it('a duplicate case number or ID number is refused and names what exists', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const first = await c.ok('cases.create', {
      caseNo: 'A01',
      title: '一',
      offenceType: 'other',
      openedOn: '2026-11-01',
    });
    expect(
      await c.call('cases.create', {
        caseNo: 'a01',
        title: '二',
        offenceType: 'other',
        openedOn: '2026-11-01',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'cases.duplicateCaseNo', details: { caseId: first.id } },
    });
    const person = await c.ok('cases.addPerson', {
      caseId: first.id,
      person: { name: '甲', idNumber: '11010519491231002x' },
    });
    expect(person.idNumber).toBe('11010519491231002X');
    const second = await c.ok('cases.create', {
      caseNo: 'A02',
      title: '二',
      offenceType: 'other',
      openedOn: '2026-11-01',
    });
    expect(
      await c.call('cases.addPerson', {
        caseId: second.id,
        person: { name: '乙', idNumber: '11010519491231002X' },
      }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'persons.duplicateIdNumber',
        details: { entityId: person.entityId, name: '甲' },
      },
    });
    // Offered the existing person, the user adds them: one entity in two cases.
    const linked = await c.ok('cases.addPerson', { caseId: second.id, entityId: person.entityId });
    expect(linked.name).toBe('甲');
    expect(
      await c.call('cases.addPerson', { caseId: second.id, entityId: person.entityId }),
    ).toMatchObject({
      error: { code: 'persons.alreadyInCase' },
    });
    const entities = await c.ok('entities.list', {});
    expect(entities.rows.map((row) => [row.label, row.identifier, row.caseCount])).toEqual([
      ['甲', '11010519491231002X', 2],
    ]);
  });
});
