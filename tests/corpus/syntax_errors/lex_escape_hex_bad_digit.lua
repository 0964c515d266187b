local s = "\x4g"
