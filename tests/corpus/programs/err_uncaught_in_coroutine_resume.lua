-- An error in a coroutine is returned by resume; rethrowing it keeps the message.
local co = coroutine.create(function()
  local data = {}
  return data.missing.field
end)
local ok, err = coroutine.resume(co)
print(ok, err)
error(err, 0)
