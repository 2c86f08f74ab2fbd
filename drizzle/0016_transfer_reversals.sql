DROP INDEX `money_transfers_payer_idx`;--> statement-breakpoint
DROP INDEX `money_transfers_payee_idx`;--> statement-breakpoint
DROP INDEX `money_transfers_cash_idx`;--> statement-breakpoint
ALTER TABLE `money_transfers` ADD `offset_of` integer;--> statement-breakpoint
CREATE INDEX `money_transfers_payer_idx` ON `money_transfers` (`payer_id`,`at`,`direction`,`amount_fen`,`payee_id`,`copy_of`,`offset_of`) WHERE "money_transfers"."payer_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `money_transfers_payee_idx` ON `money_transfers` (`payee_id`,`at`,`direction`,`amount_fen`,`payer_id`,`copy_of`,`offset_of`) WHERE "money_transfers"."payee_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `money_transfers_cash_idx` ON `money_transfers` (`account_id`,`at`,`direction`,`amount_fen`,`copy_of`,`offset_of`) WHERE "money_transfers"."relation_id" IS NULL;