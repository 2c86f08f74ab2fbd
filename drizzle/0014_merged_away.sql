ALTER TABLE `relations` ADD `merged_away` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- Relations a merge hid before this column: the merges' audit records name them (selfLoops),
-- unless the merge was undone.
UPDATE `relations` SET `merged_away` = 1 WHERE `deleted_at` IS NOT NULL AND `id` IN (
  SELECT j.value FROM `audit_log` a, json_each(a.`details`, '$.selfLoops') j
  WHERE a.`action` = 'entities.merged' AND a.`result` = 'ok' AND NOT EXISTS (
    SELECT 1 FROM `audit_log` u WHERE u.`action` = 'entities.unmerged'
      AND json_extract(u.`details`, '$.mergeAuditSeq') = a.`seq`));
