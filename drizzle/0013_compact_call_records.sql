-- Relations and imports get small stable numbers; call records name them instead of their
-- 36-character IDs, keep their start as Unix seconds and their target phone as an end of the
-- relation: a million records take about a third of the pages they took.
ALTER TABLE `relations` ADD `num` integer;--> statement-breakpoint
UPDATE `relations` SET `num` = rowid;--> statement-breakpoint
CREATE UNIQUE INDEX `relations_num_idx` ON `relations` (`num`);--> statement-breakpoint
-- A writer that gives no number (every writer but the import's) gets the next one. A future
-- rebuild of `relations` or `imports` must create these triggers again (drizzle-kit does not
-- see them).
CREATE TRIGGER `relations_num_on_insert`
AFTER INSERT ON `relations`
WHEN NEW.`num` IS NULL
BEGIN
  UPDATE `relations` SET `num` = (SELECT coalesce(max(`num`), 0) + 1 FROM `relations`) WHERE rowid = NEW.rowid;
END;--> statement-breakpoint
ALTER TABLE `imports` ADD `num` integer;--> statement-breakpoint
UPDATE `imports` SET `num` = rowid;--> statement-breakpoint
CREATE UNIQUE INDEX `imports_num_idx` ON `imports` (`num`);--> statement-breakpoint
CREATE TRIGGER `imports_num_on_insert`
AFTER INSERT ON `imports`
WHEN NEW.`num` IS NULL
BEGIN
  UPDATE `imports` SET `num` = (SELECT coalesce(max(`num`), 0) + 1 FROM `imports`) WHERE rowid = NEW.rowid;
END;--> statement-breakpoint
CREATE TABLE `__new_call_records` (
	`id` integer PRIMARY KEY NOT NULL,
	`relation_num` integer NOT NULL,
	`kind` text DEFAULT 'call' NOT NULL,
	`started_unix` integer NOT NULL,
	`duration_seconds` integer NOT NULL,
	`base_station` text,
	`own_end` integer,
	`imei` text,
	`imsi` text,
	`import_num` integer NOT NULL,
	`line` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`relation_num`) REFERENCES `relations`(`num`) ON UPDATE no action ON DELETE no action
);--> statement-breakpoint
INSERT INTO `__new_call_records` (`id`, `relation_num`, `kind`, `started_unix`, `duration_seconds`, `base_station`, `own_end`, `imei`, `imsi`, `import_num`, `line`)
SELECT c.`id`, r.`num`, c.`kind`, CAST(round(unixepoch(c.`started_at`, 'subsec')) AS INTEGER), c.`duration_seconds`, c.`base_station`,
  CASE c.`own_phone_id` WHEN r.`from_entity_id` THEN 1 WHEN r.`to_entity_id` THEN 2 END,
  c.`imei`, c.`imsi`, coalesce((SELECT i.`num` FROM `imports` i WHERE i.`id` = c.`import_id`), 0), c.`line`
FROM `call_records` c JOIN `relations` r ON r.`id` = c.`relation_id`;--> statement-breakpoint
DROP TABLE `call_records`;--> statement-breakpoint
ALTER TABLE `__new_call_records` RENAME TO `call_records`;--> statement-breakpoint
CREATE INDEX `call_records_relation_idx` ON `call_records` (`relation_num`,`started_unix`,`kind`,`duration_seconds`);--> statement-breakpoint
CREATE INDEX `call_records_cell_idx` ON `call_records` (`base_station`,`started_unix`);
