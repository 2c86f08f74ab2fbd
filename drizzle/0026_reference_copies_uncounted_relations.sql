-- The chart leaves out a relation an import made that counts nothing (its transfers undone by a
-- 冲正, or copies of rows another relation counts): found by the relation's imports.
CREATE INDEX `import_relations_relation_idx` ON `import_relations` (`relation_id`,`created`);--> statement-breakpoint
-- One payment in two files that name its accounts differently (a WeChat bill and the 财付通
-- 调证 reply) is found by the 交易单号 both print: a later import's row of it is a copy.
CREATE INDEX `money_transfers_reference_idx` ON `money_transfers` (`reference`) WHERE "money_transfers"."reference" IS NOT NULL;
