DROP INDEX `money_transfers_relation_idx`;--> statement-breakpoint
CREATE INDEX `money_transfers_relation_idx` ON `money_transfers` (`relation_id`,`at`,`direction`,`amount_fen`);