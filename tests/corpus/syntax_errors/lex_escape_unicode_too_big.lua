local s = "\u{110000}"
