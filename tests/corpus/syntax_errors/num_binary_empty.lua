local x = 0b
