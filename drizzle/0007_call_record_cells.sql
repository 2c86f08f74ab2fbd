DROP INDEX `call_records_relation_idx`;--> statement-breakpoint
ALTER TABLE `call_records` ADD `own_phone_id` text;--> statement-breakpoint
CREATE INDEX `call_records_cell_idx` ON `call_records` (`base_station`,`started_at`);--> statement-breakpoint
CREATE INDEX `call_records_relation_idx` ON `call_records` (`relation_id`,`started_at`,`kind`,`duration_seconds`);--> statement-breakpoint
-- Hand-written: rows imported before this column existed get the target phone whose base
-- station list (phone_identifiers, same import) names the row's cell, when it is one end.
UPDATE `call_records` SET `own_phone_id` = (
  SELECT pi.`phone_id` FROM `phone_identifiers` pi JOIN `relations` r ON r.`id` = `call_records`.`relation_id`
  WHERE pi.`import_id` = `call_records`.`import_id` AND pi.`type` = 'cell'
    AND pi.`value` = `call_records`.`base_station`
    AND pi.`phone_id` IN (r.`from_entity_id`, r.`to_entity_id`)
  ORDER BY pi.`phone_id` LIMIT 1
) WHERE `base_station` IS NOT NULL;
