local function l1()
  local function l2()
    local function l3()
      local function l4()
        return 4
      end
      return l4
    end
    return l3
  end
  return l2
end
return l1
