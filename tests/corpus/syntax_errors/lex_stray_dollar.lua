local $x = 1
