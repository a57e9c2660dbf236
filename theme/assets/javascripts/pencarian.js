// The search page: Pagefind's own UI, in Bahasa Indonesia (its labels follow <html lang="id">).
// Nothing of the index is fetched before a search starts: when the reader types, or at once for
// the words in the address (`?q=`), which is how the home page's name box and shared links open it.
(function () {
  "use strict";
  var box = document.getElementById("iku-pencarian");
  if (!box || !window.PagefindUI) return;

  function escaped(text) {
    var span = document.createElement("span");
    span.textContent = text;
    return span.innerHTML;
  }

  // A document page names its body, region and period (data-pagefind-meta, document.md.j2):
  // they head the result's excerpt, so that two bodies' documents of the same name are told apart.
  function describe(result) {
    var meta = result.meta || {};
    var parts = [meta.instansi, meta.wilayah, meta.periode ? "periode " + meta.periode : ""].filter(Boolean);
    if (parts.length) {
      result.excerpt = '<span class="iku-hasil-pemilik">' + escaped(parts.join(" · ")) + "</span> " + result.excerpt;
    }
    return result;
  }

  var ui = new window.PagefindUI({
    element: "#iku-pencarian",
    showSubResults: true,
    showImages: false,
    processResult: describe,
    translations: {
      placeholder: "Nama kecamatan, instansi, wilayah atau indikator",
      search_label: "Cari di portal ini",
    },
  });
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) ui.triggerSearch(query);
})();
