-- The step's action kind is shown next to the acting body ("Thẩm định, ký xác nhận: Đảng ủy cơ sở"),
-- so the body's name no longer repeats the action.
UPDATE approval.chain_step SET acting_body = 'Đảng ủy cơ sở'
 WHERE acting_body = 'Đảng ủy cơ sở (thẩm định, ký xác nhận)';
