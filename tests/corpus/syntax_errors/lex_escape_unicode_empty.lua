local s = "\u{}"
