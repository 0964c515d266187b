local s = "\u{12"
