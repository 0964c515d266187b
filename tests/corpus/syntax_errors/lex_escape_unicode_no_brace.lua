local s = "\u1234"
