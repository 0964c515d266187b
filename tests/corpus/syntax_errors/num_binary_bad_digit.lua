local x = 0b102
