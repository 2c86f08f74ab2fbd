-- Two SIMs seen in one handset (an IMEI shared) had been linked as 其他 (other), its IMEI in the
-- source alone: the chart and the drill-down named no reason. They are 同一手机 (same_handset).
UPDATE `relations` SET `type` = 'same_handset' WHERE `type` = 'other' AND `source` LIKE 'IMEI %';
