/* The search worker every page starts: it answers Material's setup message, and the empty query Material sends
 * when its search box starts, itself, and loads the real worker (tayho-search.js) only when the reader types a
 * first word, so a page view does not download the search code. The real worker then answers that query and
 * every message after it.
 */
"use strict";

function answerUntilFirstQuery(event) {
  const message = event.data;
  if (message.type === 0) {
    postMessage({type: 1});
    return;
  }
  if (message.type === 2 && !/[\p{L}\p{N}]/u.test(message.data)) {
    postMessage({type: 3, data: {items: []}});
    return;
  }
  // The index's table of contents is fetched while the code loads (tayho-search.js takes it over).
  self.metaRequest = fetch(new URL("../../search/chunks/meta.json", self.location.href), {cache: "no-cache"});
  self.metaRequest.catch(() => {});  // a failure is reported by the query that reads it
  try {
    importScripts("tayho-search.js");
  } catch (error) {  // not loaded (offline, a failed request): no results now, and the next query tries again
    console.warn(error);
    postMessage({type: 3, data: {items: []}});
    return;
  }
  removeEventListener("message", answerUntilFirstQuery);
  answerMessage(event);
}

addEventListener("message", answerUntilFirstQuery);
