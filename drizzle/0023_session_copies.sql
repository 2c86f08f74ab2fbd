ALTER TABLE `data_sessions` ADD `copy_of` integer;--> statement-breakpoint
-- Calls with a withheld number, data sessions and signalling rows imported twice (one list
-- exported twice, two exports that overlap) had been counted twice. The n-th row of an event
-- (phone, start, duration, kind, way) in an import is a copy of the n-th one of the first
-- import that has as many, as the import now marks them (session-copies.ts).
WITH `ranked` AS (
  SELECT d.`id`, d.`phone_id`, d.`started_unix`, d.`duration_seconds`, d.`kind`, d.`incoming`, i.`num`,
    row_number() OVER (PARTITION BY d.`phone_id`, d.`started_unix`, d.`duration_seconds`, d.`kind`, d.`incoming`, d.`import_id` ORDER BY d.`id`) AS `ordinal`
  FROM `data_sessions` d JOIN `imports` i ON i.`id` = d.`import_id`
), `firsts` AS (
  SELECT `id`, first_value(`id`) OVER (PARTITION BY `phone_id`, `started_unix`, `duration_seconds`, `kind`, `incoming`, `ordinal` ORDER BY `num`, `id`) AS `first_id`
  FROM `ranked`
)
UPDATE `data_sessions` SET `copy_of` = `firsts`.`first_id` FROM `firsts`
WHERE `firsts`.`id` = `data_sessions`.`id` AND `firsts`.`first_id` <> `firsts`.`id`;
