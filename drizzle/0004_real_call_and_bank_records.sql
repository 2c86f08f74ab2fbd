CREATE TABLE `import_created` (
	`import_id` text NOT NULL,
	`target_type` text NOT NULL,
	`target_id` text NOT NULL,
	PRIMARY KEY(`import_id`, `target_type`, `target_id`)
);
--> statement-breakpoint
CREATE TABLE `import_relations` (
	`import_id` text NOT NULL,
	`relation_id` text NOT NULL,
	`created` integer NOT NULL,
	`event_count` integer NOT NULL,
	`message_count` integer NOT NULL,
	`duration_seconds` integer NOT NULL,
	`amount_fen` integer NOT NULL,
	`previous` text,
	PRIMARY KEY(`import_id`, `relation_id`)
);
--> statement-breakpoint
CREATE TABLE `imports` (
	`id` text PRIMARY KEY NOT NULL,
	`file_name` text NOT NULL,
	`sha256` text NOT NULL,
	`template` text NOT NULL,
	`row_count` integer NOT NULL,
	`rejected_count` integer NOT NULL,
	`case_id` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `phone_identifiers` (
	`id` integer PRIMARY KEY NOT NULL,
	`phone_id` text NOT NULL,
	`type` text NOT NULL,
	`value` text NOT NULL,
	`seen_count` integer NOT NULL,
	`first_seen` text NOT NULL,
	`last_seen` text NOT NULL,
	`import_id` text NOT NULL,
	FOREIGN KEY (`phone_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `phone_identifiers_value_idx` ON `phone_identifiers` (`type`,`value`);--> statement-breakpoint
CREATE INDEX `phone_identifiers_phone_idx` ON `phone_identifiers` (`phone_id`);--> statement-breakpoint
CREATE INDEX `phone_identifiers_import_idx` ON `phone_identifiers` (`import_id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_money_transfers` (
	`id` integer PRIMARY KEY NOT NULL,
	`relation_id` text,
	`account_id` text,
	`direction` text DEFAULT 'out' NOT NULL,
	`at` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`channel` text,
	`summary` text,
	`reference` text,
	`import_id` text NOT NULL,
	`line` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`relation_id`) REFERENCES `relations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_money_transfers`("id", "relation_id", "at", "amount_fen", "channel", "import_id") SELECT "id", "relation_id", "at", "amount_fen", "channel", "import_id" FROM `money_transfers`;--> statement-breakpoint
DROP TABLE `money_transfers`;--> statement-breakpoint
ALTER TABLE `__new_money_transfers` RENAME TO `money_transfers`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `money_transfers_relation_idx` ON `money_transfers` (`relation_id`,`at`);--> statement-breakpoint
CREATE INDEX `money_transfers_account_idx` ON `money_transfers` (`account_id`,`at`);--> statement-breakpoint
CREATE INDEX `money_transfers_import_idx` ON `money_transfers` (`import_id`);--> statement-breakpoint
ALTER TABLE `relations` ADD `message_count` integer;--> statement-breakpoint
ALTER TABLE `call_records` ADD `kind` text DEFAULT 'call' NOT NULL;--> statement-breakpoint
ALTER TABLE `call_records` ADD `imei` text;--> statement-breakpoint
ALTER TABLE `call_records` ADD `imsi` text;--> statement-breakpoint
ALTER TABLE `call_records` ADD `line` integer DEFAULT 0 NOT NULL;