local x = 1e
