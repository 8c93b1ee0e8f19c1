/* The search worker every page starts: it answers Material's setup message itself and loads the real worker
 * (tayho-search.js) only when the reader types a first query, so a page view does not download the search code.
 * The real worker then answers that query and every message after it.
 */
"use strict";

function answerUntilFirstQuery(event) {
  if (event.data.type === 0) {
    postMessage({type: 1});
    return;
  }
  removeEventListener("message", answerUntilFirstQuery);
  importScripts("tayho-search.js");
  answerMessage(event);
}

addEventListener("message", answerUntilFirstQuery);
