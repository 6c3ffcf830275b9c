// MDN HTTP Observatory's scan of one page after another of a local site, printed as JSON lines
// (audit/observatory.py runs it):
//   node audit/observatory.mjs PACKAGE HOST HTTP_PORT HTTPS_PORT PATH...
// The package's command line scans a host name's home page on ports 80 and 443 only: its
// retriever takes a path and ports, but its scan() does not pass them on. So this is scan()
// (src/scanner/index.js) with the options passed: the same tests, score and grade.
import path from "node:path";
import { pathToFileURL } from "node:url";

const [pkg, host, httpPort, httpsPort, ...paths] = process.argv.slice(2);
const load = (file) => import(pathToFileURL(path.join(pkg, "src", file)).href);
const { retrieve } = await load("retriever/retriever.js");
const { ALL_TESTS, NUM_TESTS } = await load("constants.js");
const { getGradeForScore, getScoreModifier } = await load("grader/grader.js");
const { MINIMUM_SCORE_FOR_EXTRA_CREDIT } = await load("grader/charts.js");

for (const page of paths) {
  const options = { httpPort, httpsPort, path: page };
  const r = await retrieve(host, options);
  const status = r.responses.auto?.status;
  if (!status || status < 200 || (status >= 400 && ![401, 403].includes(status))) {
    console.log(JSON.stringify({ path: page, error: `no scan: HTTP status ${status}` }));
    continue;
  }
  let bonus = 100;
  let uncurved = 100;
  let passed = 0;
  const tests = {};
  for (const test of ALL_TESTS) {
    const result = test(r);
    if (result.result) {
      result.scoreModifier = getScoreModifier(result.result);
      passed += result.pass ? 1 : 0;
      bonus += result.scoreModifier;
      uncurved += Math.min(result.scoreModifier, 0);
    }
    tests[result.constructor.name] = {
      result: result.result,
      pass: result.pass,
      scoreModifier: result.scoreModifier,
    };
  }
  const final = getGradeForScore(uncurved >= MINIMUM_SCORE_FOR_EXTRA_CREDIT ? bonus : uncurved);
  console.log(
    JSON.stringify({
      path: page,
      status,
      grade: final.grade,
      score: final.score,
      testsFailed: NUM_TESTS - passed,
      tests,
    })
  );
}
