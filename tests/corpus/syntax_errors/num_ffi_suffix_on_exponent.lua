x = 1e5LL
