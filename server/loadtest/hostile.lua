-- (d) the hostile half of the mixed phase: requests an attacker or a
-- careless script would send, as fast as the server answers them, while
-- paced.lua's normal what-ifs run beside them on other connections:
--   * POST /calculate of a 24 KB body nested 6,000 deep (quadratic for
--     the TOML decoder; refused by caili's linear pre-scan: 422);
--   * POST /calculate of a plan whose capacity has 900,000 digits (a text
--     of more than 4 KiB: refused by the same pre-scan, before the TOML
--     lexer reads it: 422);
--   * a what-if whose capacity has 10,000 digits (refused: 400);
--   * a components chart of a plan renamed to 10,000 characters (drawn,
--     the name shortened in O(n log n): 200).
-- Every answer is expected; none may be a socket error or a 5xx.
dofile(os.getenv("LOADTEST_DIR") .. "/report.lua")

local function rep(s, n)
  local t = {}
  for i = 1, n do t[i] = s end
  return table.concat(t)
end

local nested = "junk = " .. rep("{a=", 6000) .. "1" .. rep("}", 6000) .. "\n"
local digits = '[plan]\nname = "大"\nfiscal_year = 2025\ncapacity = "' .. rep("9", 900000) .. '"\n'
local bigset = "/api/v1/plans/sample/allocations.csv?set.plan.capacity=" .. rep("7", 10000)
local longname = "/api/v1/plans/sample/charts/components.svg?set.plan.name=" .. rep("x", 10000)
local reqs = {}
local i = 0

-- The requests are built once wrk has set the Host header.
function init(args)
  local hdr = { ["Content-Type"] = "application/toml" }
  reqs = {
    wrk.format("POST", "/api/v1/calculate", hdr, nested),
    wrk.format("POST", "/api/v1/calculate", hdr, digits),
    wrk.format("GET", bigset),
    wrk.format("GET", longname),
  }
end

request = function()
  i = i % #reqs + 1
  return reqs[i]
end
