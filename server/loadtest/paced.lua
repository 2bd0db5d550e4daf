-- (c) the what-if requests of whatif.lua, paced: after each response a
-- connection waits a random, exponentially distributed time (mean 58 ms)
-- before its next request, like many independent spreadsheet users. With
-- 64 connections that offers about 64 / 0.059 s ≈ 1,080 requests/s, so
-- the latencies measured are those at the stated load, not at saturation.
dofile(os.getenv("LOADTEST_DIR") .. "/whatif.lua")

local mean_ms = 58
local seeded = false

function delay()
  if not seeded then
    math.randomseed(os.time() + tid * 7919)
    seeded = true
  end
  return math.floor(-mean_ms * math.log(1 - math.random()) + 0.5)
end
