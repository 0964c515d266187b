local x = 1ULU
