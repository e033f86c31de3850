package.path = package.path .. ";" .. (os.getenv("WRK_LUA") or "load_tests/wrk") .. "/?.lua"
local c = require("common")
request = function() return c.submit() end
