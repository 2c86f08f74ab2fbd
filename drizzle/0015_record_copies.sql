DROP INDEX `call_records_relation_idx`;--> statement-breakpoint
ALTER TABLE `call_records` ADD `copy_of` integer;--> statement-breakpoint
CREATE INDEX `call_records_relation_idx` ON `call_records` (`relation_num`,`started_unix`,`kind`,`duration_seconds`,`copy_of`);--> statement-breakpoint
DROP INDEX `money_transfers_payer_idx`;--> statement-breakpoint
DROP INDEX `money_transfers_payee_idx`;--> statement-breakpoint
DROP INDEX `money_transfers_cash_idx`;--> statement-breakpoint
ALTER TABLE `money_transfers` ADD `copy_of` integer;--> statement-breakpoint
ALTER TABLE `money_transfers` ADD `day_only` integer;--> statement-breakpoint
CREATE INDEX `money_transfers_payer_idx` ON `money_transfers` (`payer_id`,`at`,`direction`,`amount_fen`,`payee_id`,`copy_of`) WHERE "money_transfers"."payer_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `money_transfers_payee_idx` ON `money_transfers` (`payee_id`,`at`,`direction`,`amount_fen`,`payer_id`,`copy_of`) WHERE "money_transfers"."payee_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `money_transfers_cash_idx` ON `money_transfers` (`account_id`,`at`,`direction`,`amount_fen`,`copy_of`) WHERE "money_transfers"."relation_id" IS NULL;--> statement-breakpoint
-- Rows imported before: an account's statement in an import whose every row is at midnight
-- China time (16:00 UTC the day before) gives the day alone.
UPDATE `money_transfers` SET `day_only` = 1 WHERE (`import_id`, `account_id`) IN (
  SELECT `import_id`, `account_id` FROM `money_transfers` GROUP BY `import_id`, `account_id`
  HAVING sum(substr(`at`, 12) <> '16:00:00.000Z') = 0);
