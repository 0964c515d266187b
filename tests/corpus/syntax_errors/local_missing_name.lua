local 1 = 2
