local a = 1
--[[ comment
never closed
