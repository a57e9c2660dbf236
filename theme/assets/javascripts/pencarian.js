// The search page: Pagefind's own UI, in Bahasa Indonesia (its labels follow <html lang="id">).
// Nothing of the index is fetched before a search starts: when the reader types, or at once for
// the words in the address (`?q=`), which is how the home page's name box and shared links open it.
// A document's result lists the places in it that match, each linked to its anchor, and names its
// body, region and period (data-pagefind-meta in document.md.j2, shown as the result's tags).
(function () {
  "use strict";
  if (!document.getElementById("iku-pencarian") || !window.PagefindUI) return;
  // A word of the query in another spelling ("ketentraman") is searched in the standard one
  // ("ketenteraman"), under which the pages index both (generator/publishing/markdown_spelling.py).
  var spellings = document.getElementById("iku-ejaan-baku");
  var standard = spellings ? JSON.parse(spellings.textContent) : {};
  function inStandardSpelling(term) {
    return term.replace(/[\p{L}\p{N}]+/gu, function (word) {
      return standard[word.toLowerCase()] || word;
    });
  }
  var ui = new window.PagefindUI({
    element: "#iku-pencarian",
    showSubResults: true,
    showImages: false,
    processTerm: inStandardSpelling,
    translations: {
      placeholder: "Nama kecamatan, instansi, wilayah atau indikator",
      search_label: "Cari di portal ini",
    },
  });
  // The box is labelled by the page's own label (docs/pencarian.md), not by a tooltip.
  var box = document.querySelector("#iku-pencarian .pagefind-ui__search-input");
  if (box) {
    box.id = "iku-pencarian-kotak";
    box.removeAttribute("title");
  }
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) ui.triggerSearch(query);
})();
