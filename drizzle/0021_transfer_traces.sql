-- Where each transfer was made from (IP, MAC, device ID, branch) and the bank's own numbers for
-- it (日志号, 凭证号), kept from statements that print them; and the IPs, MACs and device IDs
-- each account was operated from, per import, so one controller's accounts can be linked.
CREATE TABLE `account_identifiers` (
	`id` integer PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`type` text NOT NULL,
	`value` text NOT NULL,
	`seen_count` integer NOT NULL,
	`first_seen` text NOT NULL,
	`last_seen` text NOT NULL,
	`import_id` text NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `account_identifiers_value_idx` ON `account_identifiers` (`type`,`value`);--> statement-breakpoint
CREATE INDEX `account_identifiers_account_idx` ON `account_identifiers` (`account_id`);--> statement-breakpoint
CREATE INDEX `account_identifiers_import_idx` ON `account_identifiers` (`import_id`);--> statement-breakpoint
ALTER TABLE `money_transfers` ADD `ip` text;--> statement-breakpoint
ALTER TABLE `money_transfers` ADD `mac` text;--> statement-breakpoint
ALTER TABLE `money_transfers` ADD `device` text;--> statement-breakpoint
ALTER TABLE `money_transfers` ADD `branch` text;--> statement-breakpoint
ALTER TABLE `money_transfers` ADD `log_no` text;--> statement-breakpoint
ALTER TABLE `money_transfers` ADD `voucher_no` text;