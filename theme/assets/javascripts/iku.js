// Copy buttons for permalinks and citations. The URL or citation is always on the page
// as text; the buttons are hidden until this script can make them work.
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

  function setUp() {
    var buttons = document.querySelectorAll("[data-iku-copy]");
    if (!buttons.length) return;
    document.body.appendChild(status);
    buttons.forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        copy(button.getAttribute("data-iku-copy")).then(
          function () { announce(button.textContent.indexOf("kutipan") >= 0 ? "Kutipan disalin." : "Tautan disalin."); },
          function () { announce("Gagal menyalin; salin teksnya secara manual."); }
        );
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
