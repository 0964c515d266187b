local x = 3.4.5
