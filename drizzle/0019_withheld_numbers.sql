-- Calls and texts whose other number the carrier printed as unknown (隐藏号码, 未知, -, empty)
-- are kept on the phone with the data sessions (no far end, no relation): their kind and way.
ALTER TABLE `data_sessions` ADD `kind` text DEFAULT 'data' NOT NULL;--> statement-breakpoint
ALTER TABLE `data_sessions` ADD `incoming` integer;