ALTER TABLE `seizures` ADD `import_id` text;--> statement-breakpoint
ALTER TABLE `seizures` ADD `line` integer;--> statement-breakpoint
CREATE INDEX `seizures_import_idx` ON `seizures` (`import_id`);