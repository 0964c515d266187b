for i = 1, 2 do break break end
