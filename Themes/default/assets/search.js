// Starts Pagefind's search interface on the search page (#search), in the page's language, and
// runs the query that the header's search field sent (?q=). The audiences are a filter.
// No autofocus: the first Tab must still reach the skip link, as on every page (RGAA 12.7), and a
// screen reader starts at the top of the page. Pagefind's field has only a title and a placeholder:
// the page's heading (data-labelled-by) becomes its label (RGAA 11.1).
(function () {
  "use strict";
  var element = document.getElementById("search");
  if (!element || typeof PagefindUI === "undefined") {
    return;
  }
  var ui = new PagefindUI({
    element: "#search",
    bundlePath: element.getAttribute("data-bundle"),
    showSubResults: true,
    showImages: false,
    resetStyles: false
  });
  var input = element.querySelector(".pagefind-ui__search-input");
  if (input && element.getAttribute("data-labelled-by")) {
    input.setAttribute("aria-labelledby", element.getAttribute("data-labelled-by"));
  }
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) {
    ui.triggerSearch(query);
  }
})();
