/* Search worker for a chunked index (tayho/search_chunks.py), behind Material's own search box.
 *
 * It speaks Material's worker protocol: {type: 0, data: index} → {type: 1} when ready; {type: 2, data: query}
 * → {type: 3, data: {items}}, where items are the results grouped by page, each entry {location, title, text,
 * score, terms}. Instead of holding every page's text it downloads, per query, the index files of the query's
 * words (by their first two letters) and the entries it shows. Words are folded like the build folds them
 * (tone marks removed, đ → d, lower case), so "giam sat" and "giám sát" find the same entries. Titles and text
 * are plain text here and are escaped before <mark> is added around the matched words.
 */
"use strict";

const CHUNKS = new URL("../../search/chunks/", self.location.href);
const FORMAT = 2;  // of the index files this worker reads (tayho/search_chunks.py)
const MAX_ENTRIES = 60;  // entries scored highest that are shown, grouped by page (Material shows ten pages at first)
const cache = new Map();
let meta = null;

/* A file of the index, parsed, fetched once (meta.json may have been requested by the loader already, and is
 * asked of the host again, never taken from the browser's cache); a file that failed is fetched again by the next
 * query that needs it. The other files' addresses carry the index's version. */
function fetchJson(name) {
  if (!cache.has(name)) {
    const request = (name === "meta.json" && self.metaRequest) ||
      fetch(new URL(name === "meta.json" ? name : `${name}?v=${meta.version}`, CHUNKS),
            {cache: name === "meta.json" ? "no-cache" : "default"});
    if (name === "meta.json") self.metaRequest = null;
    cache.set(name, request.then(response => {
      if (!response.ok) throw new Error(`${name}: ${response.status}`);
      return response.json();
    }).catch(error => {
      cache.delete(name);
      throw error;
    }));
  }
  return cache.get(name);
}

function fold(text) {
  return text.normalize("NFD").replace(/[\p{Mn}\p{Cf}]/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFC");
}

function words(text) {
  return fold(text).toLowerCase().match(/[\p{L}\p{N}]+/gu) || [];
}

function shardKey(word) {
  return [...word].slice(0, 2).map(c => /[a-z0-9]/.test(c) ? c : "_" + c.codePointAt(0).toString(16)).join("");
}

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, c => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));
}

/* The text, escaped, with every word that starts with a query word marked. Folding keeps positions for
 * precomposed text; where it would not, the text is shown unmarked. */
function highlight(text, queryWords) {
  const folded = fold(text).toLowerCase();
  if (folded.length !== text.length) return escapeHtml(text);
  let result = "", last = 0;
  for (const match of folded.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (!queryWords.some(word => match[0].startsWith(word))) continue;
    result += escapeHtml(text.slice(last, match.index)) + "<mark>" +
      escapeHtml(text.slice(match.index, match.index + match[0].length)) + "</mark>";
    last = match.index + match[0].length;
  }
  return result + escapeHtml(text.slice(last));
}

function fileOf(entry) {
  let low = 0, high = meta.files.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (meta.files[middle] <= entry) low = middle; else high = middle - 1;
  }
  return low;
}

async function search(query) {
  const queryWords = [...new Set(words(query))];
  if (!queryWords.length) return {items: []};
  // Results name the words as typed (Material marks them on the page opened from a result).
  const typed = query.normalize("NFC").toLowerCase().match(/[\p{L}\p{N}]+/gu) || [];
  const shownWord = new Map(queryWords.map(word => [word, word]));
  if (typed.length === words(query).length) words(query).forEach((word, i) => shownWord.set(word, typed[i]));
  if (!meta) {
    const read = await fetchJson("meta.json");
    if (read.format !== FORMAT) {
      cache.delete("meta.json");
      throw new Error(`search index of format ${read.format}, this worker reads ${FORMAT}`);
    }
    const entries = read.lengths.length;
    meta = {...read, entries, averageLength: read.lengths.reduce((sum, length) => sum + length, 0) / entries || 1};
  }
  const shards = new Set(meta.shards);
  const scores = new Map(), found = new Map();
  const k1 = 1.2, b = 0.75;
  const keys = [...new Set(queryWords.map(shardKey))].filter(key => shards.has(key));
  await Promise.all(keys.map(key => fetchJson(`t-${key}.json`)));  // every word's file at once
  for (const word of queryWords) {
    const key = shardKey(word);
    if (!shards.has(key)) continue;
    const shard = await fetchJson(`t-${key}.json`);
    for (const [candidate, postings] of Object.entries(shard)) {
      const exact = candidate === word;
      if (!exact && !(word.length > 1 && candidate.startsWith(word))) continue;
      const idf = Math.log(1 + (meta.entries - postings.length + 0.5) / (postings.length + 0.5));
      for (const [entry, inText, inTitle = 0] of postings) {
        const length = meta.lengths[entry];
        const text = inText * (k1 + 1) / (inText + k1 * (1 - b + b * length / meta.averageLength));
        const score = idf * (meta.title_boost * Math.min(inTitle, 1) + text) * (exact ? 1 : 0.6);
        scores.set(entry, (scores.get(entry) || 0) + score);
        if (!found.has(entry)) found.set(entry, new Set());
        found.get(entry).add(word);
      }
    }
  }
  const best = [...scores.entries()].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, MAX_ENTRIES);
  const files = await Promise.all([...new Set(best.map(([entry]) => fileOf(entry)))].map(
    async file => [file, await fetchJson(`d-${file}.json`)]));
  const entriesOf = new Map(files);
  const lookup = entry => entriesOf.get(fileOf(entry))[entry - meta.files[fileOf(entry)]];
  const pages = new Map();
  for (const [entry, raw] of best) {
    const [location, title, text] = lookup(entry);
    const coverage = found.get(entry).size / queryWords.length;
    const isPage = !location.includes("#");
    const terms = Object.fromEntries(queryWords.map(word => [shownWord.get(word), found.get(entry).has(word)]));
    const page = location.split("#")[0];
    if (!pages.has(page)) pages.set(page, {first: entry, items: []});
    pages.get(page).items.push({
      location, title: highlight(title, queryWords), text: highlight(text, queryWords),
      score: raw * (1 + Math.pow(Number(isPage) + coverage, 2)), terms,
    });
  }
  const groups = [];
  for (const [page, group] of pages) {
    if (!group.items.some(item => item.location === page)) {
      const file = entriesOf.get(fileOf(group.first));
      const row = file.find(([location]) => location === page);
      if (row) group.items.push({location: page, title: highlight(row[1], queryWords), text: "", score: 0, terms: {}});
    }
    group.items.sort((x, y) => y.score - x.score);
    // A page ranks by its best entry, plus half of what its other sections add: a page that speaks of the query
    // throughout comes before one that only names it in a title.
    group.rank = group.items.reduce((sum, item, index) => sum + (index ? item.score / 2 : item.score), 0);
    groups.push(group);
  }
  groups.sort((x, y) => y.rank - x.rank);
  return {items: groups.map(group => group.items)};
}

/* Queries arrive at every keystroke and each may wait for different files, so an earlier query can finish after
 * a later one. Only the answer to the latest query is sent: Material shows whatever answer comes last. */
let latest = 0;

/* Loaded by itself or by tayho-search-loader.js, which hands over the first query as it loads this file. */
async function answerMessage(event) {
  const message = event.data;
  if (message.type === 0) {
    postMessage({type: 1});
  } else if (message.type === 2) {
    const asked = ++latest;
    let answer;
    try {
      answer = await search(message.data);
    } catch (error) {
      console.warn(error);
      answer = {items: []};
    }
    if (asked === latest) postMessage({type: 3, data: answer});
  }
}

addEventListener("message", answerMessage);
