// The printable blank form's print button (pages work without it: the browser's own print too).
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-print]").forEach(function (el) {
    el.addEventListener("click", function (event) {
      event.preventDefault();
      window.print();
    });
  });
  // form[data-confirm] asks through the page's dialog (cmis.js, ADR 0037).
});
