-- Shared by the wrk probes: tokens from the environment, ids from a file, a random complaint body.
local M = {}
M.staff = "Bearer " .. os.getenv("WRK_TOKEN")
M.bot = "Bearer " .. (os.getenv("WRK_SERVICE_TOKEN") or os.getenv("WRK_TOKEN"))
M.ids = {}
local file = os.getenv("WRK_IDS")
if file then
  for line in io.lines(file) do
    if #line > 0 then M.ids[#M.ids + 1] = line end
  end
end
local hostels = { "block-a", "block-b", "block-c", "block-d" }
local categories = { "plumbing", "electrical", "carpentry", "pest", "metalworks", "other" }
local severities = { "low", "medium", "high" }
local wings = { "A", "B", "C", "D", "E", "F", "G", "H" }

function M.get_one()
  return wrk.format("GET", "/api/v1/complaints/" .. M.ids[math.random(#M.ids)], { ["Authorization"] = M.staff })
end

function M.list()
  return wrk.format("GET", "/api/v1/complaints?page_size=20&page=" .. math.random(1, 5), { ["Authorization"] = M.staff })
end

function M.submit()
  local body = string.format(
    '{"telegram_user_id":"%d","hostel":"%s","room_number":"%s%d","category":"%s","description":"wrk probe: tap leaking in room, number %d","severity":"%s"}',
    math.random(7000000000, 7999999999), hostels[math.random(#hostels)], wings[math.random(#wings)],
    math.random(100, 499), categories[math.random(#categories)], math.random(1, 1000000),
    severities[math.random(#severities)])
  return wrk.format("POST", "/api/v1/complaints/submit",
    { ["Authorization"] = M.bot, ["Content-Type"] = "application/json" }, body)
end

return M
