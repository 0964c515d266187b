-- A table-driven state machine for a vending machine.
local machine = {
  idle = {coin = "ready", push = "idle"},
  ready = {coin = "ready", push = "vending", refund = "idle"},
  vending = {done = "idle"},
}
local actions = {
  ["idle>ready"] = function(ctx) ctx.credit = ctx.credit + 1 end,
  ["ready>ready"] = function(ctx) ctx.credit = ctx.credit + 1 end,
  ["ready>vending"] = function(ctx) ctx.credit = ctx.credit - 1 ctx.sold = ctx.sold + 1 end,
  ["ready>idle"] = function(ctx) ctx.refunded = ctx.refunded + ctx.credit ctx.credit = 0 end,
}
local function run(events)
  local state, ctx, trace = "idle", {credit = 0, sold = 0, refunded = 0}, {}
  for _, ev in ipairs(events) do
    local nxt = machine[state][ev]
    if not nxt then
      trace[#trace + 1] = state .. "!" .. ev
    else
      local act = actions[state .. ">" .. nxt]
      if act then act(ctx) end
      trace[#trace + 1] = state .. ">" .. nxt
      state = nxt
    end
  end
  return state, ctx, table.concat(trace, " ")
end
local state, ctx, trace = run({"push", "coin", "coin", "push", "done", "coin", "refund", "done", "coin", "push"})
print(state, ctx.credit, ctx.sold, ctx.refunded)
print(trace)
