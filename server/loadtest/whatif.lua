-- (b) what-if requests with three set. overrides. The capacity differs on
-- every request (each thread counts down from its own start), so no two
-- requests share a cache key: every one is computed (apply the overrides,
-- validate, compile, evaluate, render). The weights keep the sample plan
-- valid (workload 0.5 + area 0.1 + population 0.4 = 1).
dofile(os.getenv("LOADTEST_DIR") .. "/report.lua")

local stride = 64 -- more than the number of wrk threads
local nthreads = 0

function setup(thread)
  thread:set("tid", nthreads) -- a global in that thread's Lua state
  nthreads = nthreads + 1
end

local n = 0
local base = 2680000000

request = function()
  local capacity = base - (n * stride + tid)
  n = n + 1
  return wrk.format("GET", string.format(
    "/api/v1/plans/sample/allocations.csv?set.plan.capacity=%d&set.factor.workload.weight=0.5&set.factor.area.weight=0.1",
    capacity))
end
