ALTER TABLE `attachments` ADD `kind` text DEFAULT 'other' NOT NULL;--> statement-breakpoint
ALTER TABLE `attachments` ADD `storage` text DEFAULT 'database' NOT NULL;--> statement-breakpoint
ALTER TABLE `attachments` ADD `file_secret` blob;