-- A brainfuck interpreter running a small program.
local function bf(src, input)
  local code, jumps, stack = {}, {}, {}
  for c in src:gmatch("[%+%-<>%.,%[%]]") do code[#code + 1] = c end
  for i, c in ipairs(code) do
    if c == "[" then stack[#stack + 1] = i
    elseif c == "]" then
      local j = table.remove(stack)
      if not j then error("unmatched ] at " .. i, 0) end
      jumps[i], jumps[j] = j, i
    end
  end
  if #stack > 0 then error("unmatched [ at " .. stack[1], 0) end
  local tape, ptr, pc, out, inpos = {}, 1, 1, {}, 1
  while pc <= #code do
    local c = code[pc]
    if c == "+" then tape[ptr] = ((tape[ptr] or 0) + 1) % 256
    elseif c == "-" then tape[ptr] = ((tape[ptr] or 0) - 1) % 256
    elseif c == ">" then ptr = ptr + 1
    elseif c == "<" then ptr = ptr - 1
    elseif c == "." then out[#out + 1] = string.char(tape[ptr] or 0)
    elseif c == "," then tape[ptr] = input:byte(inpos) or 0 inpos = inpos + 1
    elseif c == "[" then if (tape[ptr] or 0) == 0 then pc = jumps[pc] end
    elseif c == "]" then if (tape[ptr] or 0) ~= 0 then pc = jumps[pc] end
    end
    pc = pc + 1
  end
  return table.concat(out)
end
local hello = "++++++++[>++++[>++>+++>+++>+<<<<-]>+>+>->>+[<]<-]>>.>---.+++++++..+++.>>.<-.<.+++.------.--------.>>+.>++."
io.write(bf(hello, ""))
print(bf(",[.,]", "echo this"))
print(bf(",>,<[->+<]>.", "\20\30"):byte())
print(pcall(bf, "[[]", ""))
print(pcall(bf, "]", ""))
