-- wrk script: rotates over the request paths listed in the file named by WRK_PATHS (one path with
-- its query string per line), so that a run is not one cached row or page. Each thread starts at a
-- different place in the list. Headers (-H) given to wrk are sent with every request.

local paths = {}
local next_index = 1
local thread_count = 0

local function load(file)
    local list = {}
    for line in io.lines(file) do
        if line ~= "" then
            list[#list + 1] = line
        end
    end
    if #list == 0 then
        error("no paths in " .. file)
    end
    return list
end

function setup(thread)
    thread_count = thread_count + 1
    thread:set("thread_number", thread_count)
end

function init(args)
    local file = os.getenv("WRK_PATHS")
    if file == nil or file == "" then
        error("set WRK_PATHS to a file of request paths")
    end
    paths = load(file)
    -- thread_number is set by setup() before init() runs in the thread.
    next_index = ((thread_number or 1) - 1) * 7919 % #paths + 1
end

function request()
    local path = paths[next_index]
    next_index = next_index % #paths + 1
    return wrk.format("GET", path)
end
