CREATE TABLE `received_cases` (
	`case_id` text PRIMARY KEY NOT NULL,
	`received_at` text NOT NULL,
	`received_by` text,
	`source_workspace_id` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- Cases received before this table was kept are found as the 成绩单 found them, by their
-- `package.imported` record, but only by a record that came with the case: written by the user
-- who created it, within ten minutes after. A record appended later to name an older case (any
-- account holder can append one) marks nothing.
INSERT INTO `received_cases` (`case_id`, `received_at`, `received_by`, `source_workspace_id`)
SELECT c.`id`, min(a.`at`), c.`created_by`, coalesce(json_extract(a.`details`, '$.sourceWorkspaceId'), '')
FROM `cases` c JOIN `audit_log` a ON a.`target_id` = c.`id` AND a.`action` = 'package.imported' AND a.`result` = 'ok'
WHERE a.`user_id` IS c.`created_by`
  AND julianday(a.`at`) >= julianday(c.`created_at`)
  AND julianday(a.`at`) - julianday(c.`created_at`) < 10.0 / 1440
GROUP BY c.`id`;
