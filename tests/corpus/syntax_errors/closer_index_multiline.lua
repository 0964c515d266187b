x = t[1

