-- (a) the same URL every time: answered from the result's memoised body.
dofile(os.getenv("LOADTEST_DIR") .. "/report.lua")
