-- A transfer the statement says failed or was declined is kept as an attempt (attempt = 1,
-- offset_of its own ID: counted nowhere); before, such rows were not stored at all.
ALTER TABLE `money_transfers` ADD `attempt` integer;