import crypto from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseSnapshot } from '../../electron/core/io/case-snapshot';
import { forged, importForged, packageAndReceiver } from '../helpers/forged-package';
import type { TestCore } from '../helpers/test-core';

// A package's new entities, events and attachments as manual entry takes them: a gang's 打掉
// date is the sending unit's outcome, a resident ID number must pass its check digit, an event
// needs a date and an attachment a file name, and each event and attachment is recorded. A
// forged package had raised 打掉贩毒团伙 here with no outcome recorded, stored an ID number that
// fails its check, an "arrest" dated yesterday-ish and a "lab report" named ../../….pdf.

const cores: TestCore[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.dispose();
});

const importChanged = (
  target: TestCore,
  snapshot: CaseSnapshot,
  change: (copy: CaseSnapshot) => void,
) => importForged(target, forged(snapshot, change));

/** The refusal of a package's row: its list, its row as the user counts it (from 1), its field. */
const invalidRow = (list: string, row: number, field: string) => ({
  ok: false,
  error: { code: 'package.invalidRow', details: { list, row, field } },
});

describe("a package's entity details, events and attachments", () => {
  it('refuse an ID number failing its check, an undated event and a file name with a path; nothing is written', async () => {
    const { target, snapshot } = await packageAndReceiver(cores);
    const person = snapshot.entities.find((item) => item.entity.kind === 'person')!;
    expect(
      await importChanged(target, snapshot, (copy) => {
        copy.entities.find((item) => item.entity.id === person.entity.id)!.details['idNumber'] =
          '11010119900101000X';
        copy.entities.find((item) => item.entity.id === person.entity.id)!.details['idType'] =
          'resident_id';
      }),
    ).toMatchObject(
      invalidRow(
        'entities',
        snapshot.entities.findIndex((item) => item.entity.id === person.entity.id) + 1,
        'idNumber',
      ),
    );
    expect(snapshot.events.length).toBeGreaterThan(0);
    expect(
      await importChanged(target, snapshot, (copy) => {
        copy.events[0]!.occurredAt = 'yesterday-ish';
      }),
    ).toMatchObject(invalidRow('events', 1, 'occurredAt'));
    const content = Buffer.from('伪造化验报告');
    expect(
      await importChanged(target, snapshot, (copy) => {
        copy.attachments.push({
          ...(copy.attachments[0] ?? {}),
          id: '01a24899-0000-7000-8000-00000000f00d',
          ownerType: 'case',
          ownerId: copy.case!.id,
          caseId: copy.case!.id,
          kind: 'expertOpinion',
          fileName: '../../伪造化验报告.pdf',
          mimeType: 'application/pdf',
          sizeBytes: content.length,
          sha256: crypto.createHash('sha256').update(content).digest('hex'),
          contentBase64: content.toString('base64'),
        } as CaseSnapshot['attachments'][number]);
      }),
    ).toMatchObject(invalidRow('attachments', snapshot.attachments.length + 1, 'fileName'));
    expect((await target.ok('cases.list', {})).total).toBe(0);
    expect((await target.ok('entities.list', {})).total).toBe(0);
  });

  it("keep no gang's 打掉 date, and record each event", async () => {
    const { target, snapshot } = await packageAndReceiver(cores);
    const gang = snapshot.entities.find((item) => item.entity.kind === 'organisation')!;
    const result = await importChanged(target, snapshot, (copy) => {
      copy.entities.find((item) => item.entity.id === gang.entity.id)!.details['brokenOn'] =
        '2026-06-01';
    });
    expect(result.ok).toBe(true);
    const sqlite = target.router.sessions.current()!.sqlite;
    // Kept as the sender's word in the notes, where the 成绩单 does not read it.
    expect(
      sqlite
        .prepare(
          'SELECT o.broken_on, e.notes FROM organisations o JOIN entities e ON e.id = o.entity_id WHERE e.id = ?',
        )
        .raw()
        .get(gang.entity.id),
    ).toEqual([
      null,
      gang.entity.notes
        ? `${gang.entity.notes}\n来文单位记录：已于 2026-06-01 打掉`
        : '来文单位记录：已于 2026-06-01 打掉',
    ]);
    const created = (await target.ok('audit.list', { action: 'events.created', pageSize: 500 }))
      .rows;
    expect(created.length).toBe(snapshot.events.length);
  });

  it('record a relation between two people this workspace holds in its cases’ histories', async () => {
    const { target, snapshot } = await packageAndReceiver(cores);
    const first = await importChanged(target, snapshot, () => undefined);
    const caseId = first.ok ? first.value.caseId! : '';
    const persons = snapshot.entities.filter((item) => item.entity.kind === 'person');
    const [from, to] = [persons[0]!, persons[1]!];
    const second = await importChanged(target, snapshot, (copy) => {
      copy.case = null;
      copy.entities = [from, to];
      copy.caseEntities = [];
      copy.relations = [
        {
          ...snapshot.relations[0]!,
          id: '01a24899-0000-7000-8000-00000000f001',
          fromEntityId: from.entity.id,
          toEntityId: to.entity.id,
          caseId: null,
        },
      ];
      copy.seizures = [];
      copy.custodySteps = [];
      copy.events = [];
      copy.eventEntities = [];
      copy.attachments = [];
    });
    expect(second).toMatchObject({ ok: true, value: { relations: 1, entitiesMatched: 2 } });
    const history = await target.ok('cases.auditHistory', { caseId, page: 1, pageSize: 500 });
    expect(
      history.rows
        .filter((row) => row.action === 'relations.created')
        .map((row) => [row.details?.['from'], row.details?.['to'], row.details?.['fromPackage']]),
    ).toEqual([[from.entity.id, to.entity.id, true]]);
  });
});
