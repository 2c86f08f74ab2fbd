CREATE TABLE `data_sessions` (
	`id` integer PRIMARY KEY NOT NULL,
	`phone_id` text NOT NULL,
	`started_unix` integer NOT NULL,
	`duration_seconds` integer NOT NULL,
	`base_station` text,
	`imei` text,
	`imsi` text,
	`import_id` text NOT NULL,
	`line` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`phone_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `data_sessions_cell_idx` ON `data_sessions` (`base_station`,`started_unix`);--> statement-breakpoint
CREATE INDEX `data_sessions_phone_idx` ON `data_sessions` (`phone_id`,`started_unix`);--> statement-breakpoint
CREATE INDEX `data_sessions_import_idx` ON `data_sessions` (`import_id`);