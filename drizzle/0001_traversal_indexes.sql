DROP INDEX `relations_from_idx`;--> statement-breakpoint
DROP INDEX `relations_to_idx`;--> statement-breakpoint
CREATE INDEX `relations_from_idx` ON `relations` (`from_entity_id`,`type`,`to_entity_id`);--> statement-breakpoint
CREATE INDEX `relations_to_idx` ON `relations` (`to_entity_id`,`type`,`from_entity_id`);