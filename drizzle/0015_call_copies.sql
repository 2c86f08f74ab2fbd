DROP INDEX `call_records_relation_idx`;--> statement-breakpoint
ALTER TABLE `call_records` ADD `copy_of` integer;--> statement-breakpoint
CREATE INDEX `call_records_relation_idx` ON `call_records` (`relation_num`,`started_unix`,`kind`,`duration_seconds`,`copy_of`);