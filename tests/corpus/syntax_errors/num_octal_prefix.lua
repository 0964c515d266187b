x = 0o7
