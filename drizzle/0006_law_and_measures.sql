CREATE TABLE `case_measures` (
	`id` text PRIMARY KEY NOT NULL,
	`case_entity_id` text NOT NULL,
	`case_id` text NOT NULL,
	`entity_id` text NOT NULL,
	`measure` text NOT NULL,
	`taken_on` text,
	`notes` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text,
	`updated_by` text,
	FOREIGN KEY (`case_entity_id`) REFERENCES `case_entities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_measures_member_idx` ON `case_measures` (`case_entity_id`);--> statement-breakpoint
CREATE INDEX `case_measures_measure_idx` ON `case_measures` (`measure`,`taken_on`);--> statement-breakpoint
ALTER TABLE `cases` ADD `procedure` text DEFAULT 'criminal' NOT NULL;--> statement-breakpoint
ALTER TABLE `locations` ADD `destroyed_on` text;--> statement-breakpoint
ALTER TABLE `organisations` ADD `broken_on` text;--> statement-breakpoint
ALTER TABLE `persons` ADD `id_type` text;--> statement-breakpoint
ALTER TABLE `case_entities` ADD `caught_on` text;--> statement-breakpoint
ALTER TABLE `case_entities` ADD `source_status` text;--> statement-breakpoint
ALTER TABLE `seizures` ADD `weight_basis` text;--> statement-breakpoint
ALTER TABLE `seizures` ADD `content_per_unit` text;--> statement-breakpoint
ALTER TABLE `seizures` ADD `content_micrograms` integer;--> statement-breakpoint
-- Hand-written: each member's current measure becomes the first entry of its history, with the
-- date it was recorded with (or none). 到案 dates are not guessed from measures: left empty,
-- the statistics page counts those suspects as missing a date.
INSERT INTO `case_measures` (`id`, `case_entity_id`, `case_id`, `entity_id`, `measure`, `taken_on`, `notes`, `created_at`, `updated_at`, `created_by`, `updated_by`)
SELECT lower(hex(randomblob(16))), `id`, `case_id`, `entity_id`, `legal_status`, `legal_status_on`, NULL, `updated_at`, `updated_at`, `updated_by`, `updated_by`
FROM `case_entities` WHERE `legal_status` != 'none';--> statement-breakpoint
-- Hand-written: every number recorded before this release was a checked 居民身份证.
UPDATE `persons` SET `id_type` = 'resident_id' WHERE `id_number` IS NOT NULL;
