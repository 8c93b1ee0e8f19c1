// Runs the worker's own fold, words and shardKey (tayho-search.js, loaded as the browser loads it) on the shared
// cases of tests/fixtures/search_rules.json and prints what differs, as JSON. Usage: node search_rules.mjs WORKER CASES
import fs from "node:fs";
import vm from "node:vm";

const [worker, casesFile] = process.argv.slice(2);
const context = {
  self: {location: {href: "http://127.0.0.1/assets/javascripts/tayho-search.js"}},
  addEventListener: () => {}, postMessage: () => {}, fetch: () => { throw new Error("no fetch here"); },
  URL, console,
};
vm.createContext(context);
vm.runInContext(fs.readFileSync(worker, "utf8") + "\n;globalThis.rules = {fold, words, shardKey};", context);
const {fold, words, shardKey} = context.rules;
const differences = [];
for (const item of JSON.parse(fs.readFileSync(casesFile, "utf8")).cases) {
  const got = {folded: fold(item.text), words: words(item.text), shards: words(item.text).map(shardKey)};
  for (const key of ["folded", "words", "shards"]) {
    if (JSON.stringify(got[key]) !== JSON.stringify(item[key])) differences.push({text: item.text, key, expected: item[key], got: got[key]});
  }
}
console.log(JSON.stringify({checked: JSON.parse(fs.readFileSync(casesFile, "utf8")).cases.length, differences}));
