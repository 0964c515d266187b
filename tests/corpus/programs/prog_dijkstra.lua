-- Dijkstra's shortest paths on a small weighted graph (deterministic tie-breaking).
local edges = {
  {"A", "B", 4}, {"A", "C", 2}, {"B", "C", 5}, {"B", "D", 10}, {"C", "E", 3},
  {"E", "D", 4}, {"D", "F", 11}, {"E", "F", 20}, {"B", "F", 30},
}
local graph, nodes = {}, {}
for _, e in ipairs(edges) do
  for _, n in ipairs({e[1], e[2]}) do if not graph[n] then graph[n] = {} nodes[#nodes + 1] = n end end
  table.insert(graph[e[1]], {e[2], e[3]})
  table.insert(graph[e[2]], {e[1], e[3]})
end
table.sort(nodes)
local function dijkstra(src)
  local dist, prev, done = {[src] = 0}, {}, {}
  while true do
    local best
    for _, n in ipairs(nodes) do
      if not done[n] and dist[n] and (not best or dist[n] < dist[best]) then best = n end
    end
    if not best then break end
    done[best] = true
    for _, e in ipairs(graph[best]) do
      local nd = dist[best] + e[2]
      if not dist[e[1]] or nd < dist[e[1]] then dist[e[1]] = nd prev[e[1]] = best end
    end
  end
  return dist, prev
end
local dist, prev = dijkstra("A")
for _, n in ipairs(nodes) do
  local path, cur = {}, n
  while cur do table.insert(path, 1, cur) cur = prev[cur] end
  print(n, dist[n], table.concat(path, "->"))
end
