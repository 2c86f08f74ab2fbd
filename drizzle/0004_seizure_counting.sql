ALTER TABLE `seizures` ADD `weight_basis` text;--> statement-breakpoint
ALTER TABLE `seizures` ADD `content_per_unit` text;--> statement-breakpoint
ALTER TABLE `seizures` ADD `content_micrograms` integer;