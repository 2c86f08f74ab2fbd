-- A reversal's 原交易流水号, kept: the transfer it undoes is found by that serial when it is
-- in another import of the account (imported earlier or later), not by amount and time alone.
ALTER TABLE `money_transfers` ADD `original_reference` text;