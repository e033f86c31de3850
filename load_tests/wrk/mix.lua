-- The high scenario's mix without think time: submissions, 20-item lists and single reads.
package.path = package.path .. ";" .. (os.getenv("WRK_LUA") or "load_tests/wrk") .. "/?.lua"
local c = require("common")
request = function()
  local roll = math.random()
  if roll < 0.4 then return c.submit() elseif roll < 0.75 then return c.list() else return c.get_one() end
end
