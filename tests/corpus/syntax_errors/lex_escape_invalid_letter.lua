local s = "ab\qcd"
