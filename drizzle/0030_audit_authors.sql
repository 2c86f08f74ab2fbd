-- Who wrote an audit record, proven: the author's signature over the record's hash (not part of
-- the hash, so older chains stay valid), and each account's author public key.
ALTER TABLE `users` ADD `author_key` text;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `author_signature` text;
