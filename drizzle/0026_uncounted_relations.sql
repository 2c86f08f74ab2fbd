-- The chart leaves out a relation an import made that counts nothing (its transfers undone by a
-- 冲正, or copies of rows another relation counts): found by the relation's imports.
CREATE INDEX `import_relations_relation_idx` ON `import_relations` (`relation_id`,`created`);