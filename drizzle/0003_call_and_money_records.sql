CREATE TABLE `call_records` (
	`id` integer PRIMARY KEY NOT NULL,
	`relation_id` text NOT NULL,
	`started_at` text NOT NULL,
	`duration_seconds` integer NOT NULL,
	`base_station` text,
	`import_id` text NOT NULL,
	FOREIGN KEY (`relation_id`) REFERENCES `relations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `call_records_relation_idx` ON `call_records` (`relation_id`,`started_at`);--> statement-breakpoint
CREATE TABLE `money_transfers` (
	`id` integer PRIMARY KEY NOT NULL,
	`relation_id` text NOT NULL,
	`at` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`channel` text,
	`import_id` text NOT NULL,
	FOREIGN KEY (`relation_id`) REFERENCES `relations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `money_transfers_relation_idx` ON `money_transfers` (`relation_id`,`at`);