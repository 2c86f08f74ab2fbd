-- Where call lists placed their cells (基站经度, 基站纬度, 基站地址): one row per cell key per
-- import, so the map places a case's base stations and deleting an import takes its sites out.
CREATE TABLE `cell_sites` (
	`cell` text NOT NULL,
	`import_id` text NOT NULL,
	`longitude` real NOT NULL,
	`latitude` real NOT NULL,
	`address` text,
	`line` integer NOT NULL,
	PRIMARY KEY(`cell`, `import_id`)
);
--> statement-breakpoint
CREATE INDEX `cell_sites_import_idx` ON `cell_sites` (`import_id`);