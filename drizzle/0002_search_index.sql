-- Custom migration: what drizzle-kit cannot express (FTS5 and an expression index).
-- Search documents: one row per entity or case, written by electron/core/search in the same
-- transaction as the change it reflects. The FTS5 index over it (trigram tokenizer: substring
-- search in Chinese; pinyin column for "quanmoujia" / "qmj") follows by trigger.
CREATE TABLE `search_documents` (
	`key` integer PRIMARY KEY,
	`target_type` text NOT NULL,
	`target_id` text NOT NULL,
	`title` text NOT NULL,
	`subtitle` text,
	`body` text NOT NULL,
	`pinyin` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `search_documents_target_unique` ON `search_documents` (`target_id`);
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_index` USING fts5(
	`title`, `body`, `pinyin`,
	content = 'search_documents', content_rowid = 'key', tokenize = 'trigram'
);
--> statement-breakpoint
CREATE TRIGGER `search_documents_after_insert` AFTER INSERT ON `search_documents` BEGIN
	INSERT INTO `search_index` (rowid, `title`, `body`, `pinyin`) VALUES (new.`key`, new.`title`, new.`body`, new.`pinyin`);
END;
--> statement-breakpoint
CREATE TRIGGER `search_documents_after_delete` AFTER DELETE ON `search_documents` BEGIN
	INSERT INTO `search_index` (`search_index`, rowid, `title`, `body`, `pinyin`) VALUES ('delete', old.`key`, old.`title`, old.`body`, old.`pinyin`);
END;
--> statement-breakpoint
CREATE TRIGGER `search_documents_after_update` AFTER UPDATE ON `search_documents` BEGIN
	INSERT INTO `search_index` (`search_index`, rowid, `title`, `body`, `pinyin`) VALUES ('delete', old.`key`, old.`title`, old.`body`, old.`pinyin`);
	INSERT INTO `search_index` (rowid, `title`, `body`, `pinyin`) VALUES (new.`key`, new.`title`, new.`body`, new.`pinyin`);
END;
--> statement-breakpoint
-- A case's history: audit records about the case itself or about its seizures, relations, events.
CREATE INDEX `audit_log_case_idx` ON `audit_log` (json_extract(`details`, '$.caseId'));
