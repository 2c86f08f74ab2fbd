-- One key per cell (cell-ids.ts canonicalCell): a cell number over 16 bits (an ECI, NCI or 3G
-- UC-ID) is the key alone, without the TAC it was stored with; an eNodeB (over 16 bits, at most
-- 20) and a cell under 256 stored as a pair are their ECI. The same 4G cell had been three
-- base stations (TAC-ECI, ECI, eNodeB-cell), so 同基站伴随 and "who was on this cell" split
-- the phones on it. Each distinct stored key is worked out once.
WITH `parts` AS (
  SELECT DISTINCT `base_station` AS `old`,
    CAST(substr(`base_station`, 1, instr(`base_station`, '-') - 1) AS INTEGER) AS `a`,
    CAST(substr(`base_station`, instr(`base_station`, '-') + 1) AS INTEGER) AS `b`
  FROM `call_records`
  WHERE `base_station` GLOB '[0-9]*-[0-9]*' AND `base_station` NOT GLOB '*[^0-9-]*' AND `base_station` NOT GLOB '*-*-*'
)
UPDATE `call_records` SET `base_station` = CASE WHEN `p`.`b` > 65535 THEN CAST(`p`.`b` AS TEXT) ELSE CAST(`p`.`a` * 256 + `p`.`b` AS TEXT) END
FROM `parts` `p`
WHERE `call_records`.`base_station` = `p`.`old` AND (`p`.`b` > 65535 OR (`p`.`a` > 65535 AND `p`.`a` <= 1048575 AND `p`.`b` <= 255));--> statement-breakpoint
WITH `parts` AS (
  SELECT DISTINCT `base_station` AS `old`,
    CAST(substr(`base_station`, 1, instr(`base_station`, '-') - 1) AS INTEGER) AS `a`,
    CAST(substr(`base_station`, instr(`base_station`, '-') + 1) AS INTEGER) AS `b`
  FROM `data_sessions`
  WHERE `base_station` GLOB '[0-9]*-[0-9]*' AND `base_station` NOT GLOB '*[^0-9-]*' AND `base_station` NOT GLOB '*-*-*'
)
UPDATE `data_sessions` SET `base_station` = CASE WHEN `p`.`b` > 65535 THEN CAST(`p`.`b` AS TEXT) ELSE CAST(`p`.`a` * 256 + `p`.`b` AS TEXT) END
FROM `parts` `p`
WHERE `data_sessions`.`base_station` = `p`.`old` AND (`p`.`b` > 65535 OR (`p`.`a` > 65535 AND `p`.`a` <= 1048575 AND `p`.`b` <= 255));--> statement-breakpoint
WITH `parts` AS (
  SELECT DISTINCT `value` AS `old`,
    CAST(substr(`value`, 1, instr(`value`, '-') - 1) AS INTEGER) AS `a`,
    CAST(substr(`value`, instr(`value`, '-') + 1) AS INTEGER) AS `b`
  FROM `phone_identifiers`
  WHERE `type` = 'cell' AND `value` GLOB '[0-9]*-[0-9]*' AND `value` NOT GLOB '*[^0-9-]*' AND `value` NOT GLOB '*-*-*'
)
UPDATE `phone_identifiers` SET `value` = CASE WHEN `p`.`b` > 65535 THEN CAST(`p`.`b` AS TEXT) ELSE CAST(`p`.`a` * 256 + `p`.`b` AS TEXT) END
FROM `parts` `p`
WHERE `phone_identifiers`.`type` = 'cell' AND `phone_identifiers`.`value` = `p`.`old` AND (`p`.`b` > 65535 OR (`p`.`a` > 65535 AND `p`.`a` <= 1048575 AND `p`.`b` <= 255));
