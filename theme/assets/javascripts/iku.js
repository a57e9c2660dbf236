// Copy buttons for permalinks and citations. The URL or citation is always on the page
// as text; the buttons are added by this script, as without it they could do nothing.
(function () {
  "use strict";
  var status = document.createElement("p");
  status.className = "iku-status";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");

  function announce(message) {
    status.textContent = "";
    window.setTimeout(function () { status.textContent = message; }, 50);
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var copied = document.execCommand("copy");
    area.remove();
    return copied ? Promise.resolve() : Promise.reject(new Error("copy failed"));
  }

  // A button that copies what text() returns when pressed and says so: only this script can
  // make it work, so only this script adds it (the page carries none without JavaScript).
  function copyButton(label, text, copied) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button iku-copy";
    button.textContent = label;
    button.addEventListener("click", function () {
      copy(text()).then(
        function () { announce(copied); },
        function () { announce("Gagal menyalin; salin teksnya secara manual."); }
      );
    });
    return button;
  }

  function setUp() {
    // Each indicator's permalink line: the button copies the link's text, the absolute URL the
    // page shows, written once.
    var lines = document.querySelectorAll("p.iku-permalink");
    lines.forEach(function (line) {
      var link = line.querySelector("a");
      line.appendChild(document.createTextNode(" "));
      line.appendChild(copyButton("Salin tautan", function () { return link ? link.textContent : ""; }, "Tautan disalin."));
    });
    // The citation, as the page shows it; its button goes on a line after it.
    var citation = document.getElementById("kutip-teks");
    if (citation) {
      var line = document.createElement("p");
      line.appendChild(copyButton("Salin kutipan", function () { return citation.textContent; }, "Kutipan disalin."));
      citation.parentNode.insertBefore(line, citation.nextSibling);
    }
    if (lines.length || citation) document.body.appendChild(status);
  }

  // Formulas: each box learns its formula's natural width in em (--iku-rumus-lebar), which the
  // stylesheet uses to shrink the formula to the box (on screen down to 70 %, in print as far as
  // needed). A formula still wider than its box gets a line saying it scrolls sideways.
  var HINT = "Rumus ini lebih lebar dari layar: geser kotaknya ke samping, atau baca rumus sebagai teks di bawahnya.";

  function measure(box) {
    var katex = box.querySelector(".katex");
    var parts = box.querySelectorAll(".katex-html > *");
    if (!katex || !parts.length) return;
    var left = Infinity, right = -Infinity;
    parts.forEach(function (part) {
      var rect = part.getBoundingClientRect();
      left = Math.min(left, rect.left);
      right = Math.max(right, rect.right);
    });
    var size = parseFloat(window.getComputedStyle(katex).fontSize);
    if (size > 0 && right > left) {
      box.style.setProperty("--iku-rumus-lebar", ((right - left) / size).toFixed(3));
    }
  }

  function markWide(box) {
    var wide = box.scrollWidth > box.clientWidth + 1;
    var hint = box.nextElementSibling;
    var shown = hint && hint.classList.contains("iku-rumus__geser");
    if (wide && !shown) {
      hint = document.createElement("p");
      hint.className = "iku-rumus__geser";
      hint.textContent = HINT;
      box.insertAdjacentElement("afterend", hint);
    } else if (!wide && shown) {
      hint.remove();
    }
  }

  function fitFormulas() {
    var boxes = document.querySelectorAll(".iku-rumus");
    if (!boxes.length) return;
    function fit() {
      // Text does not scale exactly with its size (hinting, rounding): measuring again at the
      // size the first measure gave corrects the width to the size it is shown at.
      boxes.forEach(measure);
      boxes.forEach(measure);
      boxes.forEach(markWide);
    }
    fit();
    // A KaTeX font may start loading only once a formula is laid out: measure again when it has.
    if (document.fonts && document.fonts.addEventListener) {
      document.fonts.addEventListener("loadingdone", fit);
    }
    if (window.ResizeObserver) {
      var observer = new ResizeObserver(function (entries) {
        entries.forEach(function (entry) { markWide(entry.target); });
      });
      boxes.forEach(function (box) { observer.observe(box); });
    }
  }

  function start() {
    setUp();
    // KaTeX's fonts set the formula's width: measure once they have loaded.
    (document.fonts ? document.fonts.ready : Promise.resolve()).then(fitFormulas);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
