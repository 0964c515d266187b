-- Greedy and lazy quantifiers with backtracking.
local s = "<<a>><<bb>>"
print(s:match("<<(.*)>>"), s:match("<<(.-)>>"), s:match("<<(.+)>>"), s:match("<<(.?)>>"))
print(("aaab"):match("^(a*)(a)(b)$"), ("aaab"):match("^(a-)(a*)b$"))
print(("key=val=x"):match("(.-)=(.*)"), ("key=val=x"):match("(.*)=(.*)"))
print(("12.34.56"):match("^(%d+)%.(.+)$"), ("abc123def"):match("%a+(%d+)%a+"))
print(("x"):rep(30):match("^(x*)x$") == ("x"):rep(29))
print(("aXbXc"):gsub("(.-)X", "%1,"))
print(("f(g(x), h(y))"):match("^(%w+)(%b())$"))
