local s = "x\300y"
