ALTER TABLE `relations` ADD `drug_type` text;--> statement-breakpoint
ALTER TABLE `relations` ADD `quantity_value` text;--> statement-breakpoint
ALTER TABLE `relations` ADD `quantity_unit` text;--> statement-breakpoint
ALTER TABLE `relations` ADD `quantity_normalised` integer;--> statement-breakpoint
ALTER TABLE `relations` ADD `normalised_unit` text;