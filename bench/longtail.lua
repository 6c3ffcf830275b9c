-- bench/measure.py's long tail:  wrk -tT -cC -H ... -s bench/longtail.lua URL -- PATHS T
-- PATHS holds one address a line (bench/longtail.py); thread k of T asks for every T-th of them
-- from the k-th, in order, each once, with the headers given to wrk (-H: X-Forwarded-Proto and
-- Host as for every page of the bench, X-Bench-Count for bench/counting.py). When each of its
-- addresses has been answered, a thread prints "done" and stops; bench/measure.py then ends wrk,
-- so its duration is the time it took to ask for every address.
-- While its last addresses are still being rendered, a thread's other connections ask again
-- for addresses it asked for before (kept by then: answered from the page cache, with `Age`):
-- counted apart ("kept"). wrk asks for one request before starting to check the script: the
-- address it took comes again at the end, from nothing still.

local threads = {}

function setup(thread)
   table.insert(threads, thread)
   thread:set("number", #threads)
end

function init(args)
   local every = tonumber(args[2])
   paths = {}
   local line_number = 0
   for line in io.lines(args[1]) do
      line_number = line_number + 1
      if (line_number - number) % every == 0 then
         table.insert(paths, line)
      end
   end
   share = #paths
   asked, answered, kept, failed = 0, 0, 0, 0
end

function request()
   asked = asked + 1
   return wrk.format(nil, paths[(asked - 1) % share + 1])
end

function response(status, headers, body)
   if headers["Age"] or headers["age"] then
      kept = kept + 1
      return
   end
   answered = answered + 1
   if status ~= 200 then
      failed = failed + 1
   end
   if answered == share then
      io.write("done\n")
      io.stdout:flush()
      wrk.thread:stop()
   end
end

function done(summary, latency, requests)
   local totals = {share = 0, answered = 0, kept = 0, failed = 0}
   for _, thread in ipairs(threads) do
      for name, value in pairs(totals) do
         totals[name] = value + thread:get(name)
      end
   end
   io.write(string.format(
      'longtail {"addresses": %d, "answered": %d, "kept": %d, "failed": %d}\n',
      totals.share, totals.answered, totals.kept, totals.failed
   ))
end
