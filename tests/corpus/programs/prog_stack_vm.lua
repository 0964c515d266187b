-- A tiny stack-based virtual machine with jumps and calls.
local function run(code)
  local stack, sp, pc, out, frames = {}, 0, 1, {}, {}
  local function push(v) sp = sp + 1 stack[sp] = v end
  local function pop() local v = stack[sp] stack[sp] = nil sp = sp - 1 return v end
  local steps = 0
  while pc <= #code do
    steps = steps + 1
    local ins = code[pc]
    local op, arg = ins[1], ins[2]
    pc = pc + 1
    if op == "push" then push(arg)
    elseif op == "add" then local b, a = pop(), pop() push(a + b)
    elseif op == "sub" then local b, a = pop(), pop() push(a - b)
    elseif op == "mul" then local b, a = pop(), pop() push(a * b)
    elseif op == "dup" then push(stack[sp])
    elseif op == "swap" then stack[sp], stack[sp - 1] = stack[sp - 1], stack[sp]
    elseif op == "jz" then if pop() == 0 then pc = arg end
    elseif op == "jmp" then pc = arg
    elseif op == "call" then frames[#frames + 1] = pc pc = arg
    elseif op == "ret" then pc = table.remove(frames)
    elseif op == "print" then out[#out + 1] = tostring(pop())
    elseif op == "halt" then break
    else error("bad opcode " .. tostring(op)) end
  end
  return table.concat(out, " "), steps
end
print(run({{"push", 2}, {"push", 3}, {"add"}, {"push", 7}, {"mul"}, {"print"}}))
local countdown = {{"push", 5}, {"dup"}, {"print"}, {"push", 1}, {"sub"}, {"dup"}, {"jz", 9}, {"jmp", 2}, {"halt"}}
print(run(countdown))
print(pcall(run, {{"bogus"}}))
print(pcall(run, {{"add"}}))
