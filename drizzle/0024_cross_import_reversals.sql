-- Reversals are marked from now on (reversal = 1; counterpart_no kept for them): one whose
-- transfer is in another import is paired with it across imports. Rows stored before say not
-- which of a pair is the reversal, so they stay as they are.
ALTER TABLE `money_transfers` ADD `reversal` integer;--> statement-breakpoint
ALTER TABLE `money_transfers` ADD `counterpart_no` text;--> statement-breakpoint
CREATE INDEX `money_transfers_reversal_idx` ON `money_transfers` (`account_id`,`at`) WHERE "money_transfers"."reversal" = 1;