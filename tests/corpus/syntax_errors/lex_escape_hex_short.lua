local s = "\x4"
