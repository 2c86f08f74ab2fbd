DROP INDEX `money_transfers_relation_idx`;--> statement-breakpoint
CREATE INDEX `money_transfers_relation_idx` ON `money_transfers` (`relation_id`);--> statement-breakpoint
ALTER TABLE `money_transfers` ADD `payer_id` text;--> statement-breakpoint
ALTER TABLE `money_transfers` ADD `payee_id` text;--> statement-breakpoint
UPDATE `money_transfers` SET
  `payer_id` = (SELECT `from_entity_id` FROM `relations` r WHERE r.`id` = `relation_id` AND r.`type` = 'finances' AND r.`deleted_at` IS NULL),
  `payee_id` = (SELECT `to_entity_id` FROM `relations` r WHERE r.`id` = `relation_id` AND r.`type` = 'finances' AND r.`deleted_at` IS NULL)
WHERE `relation_id` IS NOT NULL;--> statement-breakpoint
CREATE INDEX `money_transfers_payer_idx` ON `money_transfers` (`payer_id`,`at`,`direction`,`amount_fen`,`payee_id`) WHERE "money_transfers"."payer_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `money_transfers_payee_idx` ON `money_transfers` (`payee_id`,`at`,`direction`,`amount_fen`,`payer_id`) WHERE "money_transfers"."payee_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `money_transfers_cash_idx` ON `money_transfers` (`account_id`,`at`,`direction`,`amount_fen`) WHERE "money_transfers"."relation_id" IS NULL;--> statement-breakpoint
-- The parties follow the relation through every change to it: edit, merge, unmerge, delete, restore.
CREATE TRIGGER `money_transfers_parties_follow_relation`
AFTER UPDATE OF `from_entity_id`, `to_entity_id`, `type`, `deleted_at` ON `relations`
BEGIN
  UPDATE `money_transfers` SET
    `payer_id` = CASE WHEN NEW.`type` = 'finances' AND NEW.`deleted_at` IS NULL THEN NEW.`from_entity_id` END,
    `payee_id` = CASE WHEN NEW.`type` = 'finances' AND NEW.`deleted_at` IS NULL THEN NEW.`to_entity_id` END
  WHERE `relation_id` = NEW.`id`;
END;--> statement-breakpoint
-- A writer that does not give the parties (the import writer does, to save this update) gets them.
CREATE TRIGGER `money_transfers_parties_on_insert`
AFTER INSERT ON `money_transfers`
WHEN NEW.`relation_id` IS NOT NULL AND NEW.`payer_id` IS NULL
BEGIN
  UPDATE `money_transfers` SET
    `payer_id` = (SELECT `from_entity_id` FROM `relations` r WHERE r.`id` = NEW.`relation_id` AND r.`type` = 'finances' AND r.`deleted_at` IS NULL),
    `payee_id` = (SELECT `to_entity_id` FROM `relations` r WHERE r.`id` = NEW.`relation_id` AND r.`type` = 'finances' AND r.`deleted_at` IS NULL)
  WHERE `id` = NEW.`id`;
END;
