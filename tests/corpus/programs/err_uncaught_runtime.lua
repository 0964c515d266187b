-- An uncaught runtime error inside nested method calls.
local Account = {}
Account.__index = Account
function Account.new(b) return setmetatable({balance = b}, Account) end
function Account:withdraw(n)
  if n > self.balance then
    local detail = self.history.last
    return detail
  end
  self.balance = self.balance - n
end
local acc = Account.new(10)
acc:withdraw(5)
print(acc.balance)
acc:withdraw(50)
