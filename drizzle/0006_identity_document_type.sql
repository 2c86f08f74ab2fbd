ALTER TABLE `persons` ADD `id_type` text;--> statement-breakpoint
-- Hand-written: every number recorded before this release was a checked 居民身份证.
UPDATE `persons` SET `id_type` = 'resident_id' WHERE `id_number` IS NOT NULL;
