CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`disabled` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text,
	`updated_by` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);--> statement-breakpoint
CREATE TABLE `cases` (
	`id` text PRIMARY KEY NOT NULL,
	`case_no` text NOT NULL,
	`title` text NOT NULL,
	`offence_type` text NOT NULL,
	`status` text NOT NULL,
	`supervision_level` text NOT NULL,
	`unit` text,
	`lead_investigator` text,
	`accepted_on` text,
	`opened_on` text,
	`solved_on` text,
	`prosecuted_on` text,
	`closed_on` text,
	`summary` text,
	`merged_into_case_id` text,
	`deleted_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text,
	`updated_by` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cases_case_no_unique` ON `cases` (`case_no`);--> statement-breakpoint
CREATE INDEX `cases_status_idx` ON `cases` (`status`);--> statement-breakpoint
CREATE INDEX `cases_opened_on_idx` ON `cases` (`opened_on`);--> statement-breakpoint
CREATE INDEX `cases_updated_at_idx` ON `cases` (`updated_at`);--> statement-breakpoint
CREATE TABLE `accounts` (
	`entity_id` text PRIMARY KEY NOT NULL,
	`account_type` text NOT NULL,
	`account_no` text NOT NULL,
	`institution` text,
	`holder_name` text,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_type_no_unique` ON `accounts` (`account_type`,`account_no`);--> statement-breakpoint
CREATE TABLE `entities` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`label` text NOT NULL,
	`notes` text,
	`merged_into_id` text,
	`deleted_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text,
	`updated_by` text
);
--> statement-breakpoint
CREATE INDEX `entities_kind_idx` ON `entities` (`kind`);--> statement-breakpoint
CREATE INDEX `entities_label_idx` ON `entities` (`label`);--> statement-breakpoint
CREATE TABLE `locations` (
	`entity_id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`location_type` text NOT NULL,
	`address` text,
	`region` text,
	`latitude` real,
	`longitude` real,
	`area_colour` text,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `organisations` (
	`entity_id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`org_type` text NOT NULL,
	`venue_type` text,
	`credit_code` text,
	`licence_numbers` text DEFAULT '[]' NOT NULL,
	`leader_entity_id` text,
	`address` text,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`leader_entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `parcels` (
	`entity_id` text PRIMARY KEY NOT NULL,
	`waybill_no` text NOT NULL,
	`carrier` text,
	`origin` text,
	`destination` text,
	`shipped_on` text,
	`contents` text,
	`weight_grams` integer,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `parcels_waybill_unique` ON `parcels` (`waybill_no`);--> statement-breakpoint
CREATE TABLE `persons` (
	`entity_id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`aliases` text DEFAULT '[]' NOT NULL,
	`gender` text DEFAULT 'unknown' NOT NULL,
	`birth_date` text,
	`id_number` text,
	`household` text,
	`address` text,
	`nationality` text,
	`photo_attachment_id` text,
	`risk_grade` text,
	`person_colour` text,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `persons_id_number_unique` ON `persons` (`id_number`);--> statement-breakpoint
CREATE TABLE `phones` (
	`entity_id` text PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`carrier` text,
	`imei` text,
	`registered_name` text,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `phones_number_unique` ON `phones` (`number`);--> statement-breakpoint
CREATE TABLE `vehicles` (
	`entity_id` text PRIMARY KEY NOT NULL,
	`plate` text NOT NULL,
	`vehicle_type` text,
	`model` text,
	`colour` text,
	`vin` text,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `vehicles_plate_unique` ON `vehicles` (`plate`);--> statement-breakpoint
CREATE TABLE `case_entities` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`entity_id` text NOT NULL,
	`role_in_case` text NOT NULL,
	`legal_status` text DEFAULT 'none' NOT NULL,
	`legal_status_on` text,
	`chain_tier` text,
	`notes` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text,
	`updated_by` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `case_entities_case_entity_unique` ON `case_entities` (`case_id`,`entity_id`);--> statement-breakpoint
CREATE INDEX `case_entities_entity_idx` ON `case_entities` (`entity_id`);--> statement-breakpoint
CREATE TABLE `relations` (
	`id` text PRIMARY KEY NOT NULL,
	`from_entity_id` text NOT NULL,
	`to_entity_id` text NOT NULL,
	`type` text NOT NULL,
	`directed` integer DEFAULT true NOT NULL,
	`started_on` text,
	`ended_on` text,
	`amount_fen` integer,
	`event_count` integer,
	`duration_seconds` integer,
	`source` text,
	`reliability` text,
	`credibility` integer,
	`case_id` text,
	`notes` text,
	`deleted_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text,
	`updated_by` text,
	FOREIGN KEY (`from_entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `relations_from_idx` ON `relations` (`from_entity_id`);--> statement-breakpoint
CREATE INDEX `relations_to_idx` ON `relations` (`to_entity_id`);--> statement-breakpoint
CREATE INDEX `relations_case_idx` ON `relations` (`case_id`);--> statement-breakpoint
CREATE INDEX `relations_type_idx` ON `relations` (`type`);--> statement-breakpoint
CREATE TABLE `custody_steps` (
	`id` text PRIMARY KEY NOT NULL,
	`seizure_id` text NOT NULL,
	`at` text NOT NULL,
	`action` text NOT NULL,
	`from_holder` text,
	`to_holder` text,
	`notes` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text,
	`updated_by` text,
	FOREIGN KEY (`seizure_id`) REFERENCES `seizures`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `custody_steps_seizure_idx` ON `custody_steps` (`seizure_id`);--> statement-breakpoint
CREATE TABLE `seizures` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`seized_at` text NOT NULL,
	`place` text,
	`location_entity_id` text,
	`from_entity_id` text,
	`drug_type` text NOT NULL,
	`form` text,
	`quantity_value` text NOT NULL,
	`quantity_unit` text NOT NULL,
	`quantity_normalised` integer NOT NULL,
	`normalised_unit` text NOT NULL,
	`purity_basis_points` integer,
	`cash_fen` integer,
	`tools` text,
	`evidence_no` text,
	`notes` text,
	`deleted_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text,
	`updated_by` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`location_entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `seizures_case_idx` ON `seizures` (`case_id`);--> statement-breakpoint
CREATE INDEX `seizures_drug_idx` ON `seizures` (`drug_type`);--> statement-breakpoint
CREATE INDEX `seizures_seized_at_idx` ON `seizures` (`seized_at`);--> statement-breakpoint
CREATE TABLE `event_entities` (
	`event_id` text NOT NULL,
	`entity_id` text NOT NULL,
	PRIMARY KEY(`event_id`, `entity_id`),
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `event_entities_entity_idx` ON `event_entities` (`entity_id`);--> statement-breakpoint
CREATE TABLE `events` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text,
	`kind` text NOT NULL,
	`occurred_at` text NOT NULL,
	`precision` text DEFAULT 'minute' NOT NULL,
	`title` text NOT NULL,
	`description` text,
	`place` text,
	`deleted_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text,
	`updated_by` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `events_case_idx` ON `events` (`case_id`);--> statement-breakpoint
CREATE INDEX `events_occurred_at_idx` ON `events` (`occurred_at`);--> statement-breakpoint
CREATE TABLE `attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_type` text NOT NULL,
	`owner_id` text NOT NULL,
	`case_id` text,
	`file_name` text NOT NULL,
	`mime_type` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`content` blob NOT NULL,
	`description` text,
	`deleted_at` text,
	`created_at` text NOT NULL,
	`created_by` text,
	`updated_at` text NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attachments_owner_idx` ON `attachments` (`owner_type`,`owner_id`);--> statement-breakpoint
CREATE TABLE `graph_views` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text,
	`name` text NOT NULL,
	`state` text NOT NULL,
	`deleted_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text,
	`updated_by` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `graph_views_case_idx` ON `graph_views` (`case_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`seq` integer PRIMARY KEY NOT NULL,
	`at` text NOT NULL,
	`user_id` text,
	`username` text,
	`action` text NOT NULL,
	`target_type` text,
	`target_id` text,
	`result` text NOT NULL,
	`details` text,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_target_idx` ON `audit_log` (`target_id`);--> statement-breakpoint
CREATE INDEX `audit_log_action_idx` ON `audit_log` (`action`);