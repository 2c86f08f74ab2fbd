-- The period a statement's heading says it covers (起止日期), kept per import: the other
-- party's statement is checked against it, not only against its first and last rows.
ALTER TABLE `imports` ADD `period_from` text;--> statement-breakpoint
ALTER TABLE `imports` ADD `period_to` text;