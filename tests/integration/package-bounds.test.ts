import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { packageAuditHead, sealCompressed } from '../../electron/core/io/case-package';
import { isValidSignedHead, type SignedAuditHead } from '../../electron/core/audit/audit-anchor';
import { readHeader } from '../../electron/core/vault/workspace-header';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';
import { testKdf } from '../helpers/test-kdf';

let c: TestCore;
afterEach(() => c?.dispose());

const passphrase = '协查-2026-滨江-昆明';

async function workspace() {
  c = makeTestCore();
  return createTestWorkspace(c);
}

/** A package sealed around `json` (or raw gzipped bytes), as a hostile sender would make it. */
async function packageOf(content: unknown | Buffer): Promise<string> {
  const gzipped = Buffer.isBuffer(content)
    ? content
    : zlib.gzipSync(Buffer.from(JSON.stringify(content)));
  return (await sealCompressed(gzipped, passphrase, testKdf)).toString('base64');
}

function snapshot(change: Record<string, unknown> = {}) {
  return {
    format: 'quanlian-case/1',
    exportedAt: '2026-11-01T00:00:00.000Z',
    sourceWorkspaceId: 'source-workspace-0001',
    case: null,
    entities: [],
    caseEntities: [],
    relations: [],
    seizures: [],
    custodySteps: [],
    events: [],
    eventEntities: [],
    attachments: [],
    ...change,
  };
}

const stamp = {
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  createdBy: 'someone',
  updatedBy: 'someone',
};

function phoneEntity(id: string, number: string) {
  return {
    entity: {
      id,
      kind: 'phone',
      label: number,
      notes: null,
      mergedIntoId: null,
      deletedAt: null,
      ...stamp,
    },
    details: { number, carrier: null, ownerName: null },
  };
}

describe('case packages are bounded and validated', () => {
  it('a gzip bomb (300 MB of zeros in 300 KB) is refused quickly', async () => {
    await workspace();
    // 300 gzip members of 1 MiB of zeros each: gunzip reads them as one 300 MiB stream.
    const member = zlib.gzipSync(Buffer.alloc(1024 * 1024));
    const bomb = Buffer.concat(Array.from({ length: 300 }, () => member));
    expect(bomb.length).toBeLessThan(400 * 1024);
    const content = await packageOf(bomb);
    const started = performance.now();
    const before = process.memoryUsage().rss;
    expect(await c.call('package.review', { contentBase64: content, passphrase })).toMatchObject({
      ok: false,
      error: { code: 'package.tooLarge', details: { limitMiB: 256 } },
    });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it.each([
    ['not a snapshot', { hello: 'world' }, 'format'],
    [
      'an entity of an unknown kind',
      snapshot({
        entities: [
          {
            ...phoneEntity('e-000000001', '13800000000'),
            entity: { ...phoneEntity('e-000000001', '1').entity, kind: 'weapon' },
          },
        ],
      }),
      'entities.0.entity',
    ],
    [
      'two entities with one ID',
      snapshot({
        entities: [
          phoneEntity('e-000000001', '13800000001'),
          phoneEntity('e-000000001', '13800000002'),
        ],
      }),
      'entities.e-000000001',
    ],
    [
      'a relation to an entity not in the package',
      snapshot({
        entities: [phoneEntity('e-000000001', '13800000001')],
        relations: [
          {
            id: 'r-000000001',
            fromEntityId: 'e-000000001',
            toEntityId: 'e-elsewhere',
            caseId: null,
          },
        ],
      }),
      'relations.r-000000001',
    ],
    [
      'an attachment over the 32 MiB inline limit',
      snapshot({
        entities: [phoneEntity('e-000000001', '13800000001')],
        attachments: [
          {
            id: 'a-000000001',
            ownerType: 'entity',
            ownerId: 'e-000000001',
            caseId: null,
            sizeBytes: 33 * 1024 * 1024,
            sha256: '0'.repeat(64),
            contentBase64: '',
          },
        ],
      }),
      'attachments.0.sizeBytes',
    ],
    [
      'an attachment larger than it says',
      snapshot({
        entities: [phoneEntity('e-000000001', '13800000001')],
        attachments: [
          {
            id: 'a-000000001',
            ownerType: 'entity',
            ownerId: 'e-000000001',
            caseId: null,
            sizeBytes: 3,
            sha256: '0'.repeat(64),
            contentBase64: Buffer.from('four').toString('base64'),
          },
        ],
      }),
      'attachments.a-000000001',
    ],
  ])('refuses %s with a message, importing nothing', async (_what, content, path) => {
    await workspace();
    const contentBase64 = await packageOf(content);
    for (const procedure of ['package.review', 'package.import'] as const) {
      const result = await c.call(procedure, { contentBase64, passphrase });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'package.invalidContent', details: { path } },
      });
    }
    expect((await c.ok('entities.list', {})).total).toBe(0);
  });

  it('an existing entity ID of another kind is refused with a message, never a crash', async () => {
    await workspace();
    const person = await c.ok('entities.create', {
      entity: { kind: 'person', name: '已有人员', idNumber: '11010519491231002X' },
    });
    const contentBase64 = await packageOf(
      snapshot({ entities: [phoneEntity(person.id, '13800000009')] }),
    );
    const result = await c.call('package.import', { contentBase64, passphrase });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'package.conflict', details: { entityId: person.id } },
    });
    expect((await c.ok('entities.list', {})).total).toBe(1);
  });

  it('the same entity ID and kind is matched, not duplicated', async () => {
    await workspace();
    const phone = await c.ok('entities.create', {
      entity: { kind: 'phone', number: '13800000010' },
    });
    const contentBase64 = await packageOf(
      snapshot({ entities: [phoneEntity(phone.id, '13800000010')] }),
    );
    expect(await c.ok('package.import', { contentBase64, passphrase })).toMatchObject({
      entitiesCreated: 0,
      entitiesMatched: 1,
    });
  });

  it('a package carries the exporting workspace audit head, signed by an administrator', async () => {
    const created = await workspace();
    const phone = await c.ok('entities.create', {
      entity: { kind: 'phone', number: '13800000011' },
    });
    const file = await c.ok('package.export', { entityIds: [phone.id], passphrase });
    const head = packageAuditHead(Buffer.from(file.content, 'base64')) as SignedAuditHead;
    const header = readHeader(created.path);
    expect(head).toMatchObject({ workspaceId: header.workspaceId, signedBy: 'admin' });
    expect(isValidSignedHead(head, header.auditSigningKey.publicKey)).toBe(true);
  });
});
