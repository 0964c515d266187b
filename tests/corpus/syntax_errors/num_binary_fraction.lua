local x = 0b1.1
