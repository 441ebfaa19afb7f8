// The sign-in page's user type tabs (ADR 0038): each tab is a link to /login?userType=X that the server
// renders selected; with JavaScript a click (or Enter) selects the type in place, keeping what was typed.
document.addEventListener("DOMContentLoaded", function () {
  var tabs = document.querySelector("[data-user-type-tabs]");
  var input = document.querySelector("input[data-user-type]");
  if (!tabs || !input) { return; }
  tabs.querySelectorAll("[role=tab]").forEach(function (tab) {
    tab.addEventListener("click", function (event) {
      event.preventDefault();
      input.value = tab.getAttribute("data-type");
      tabs.querySelectorAll("[role=tab]").forEach(function (other) {
        var selected = other === tab;
        other.setAttribute("aria-selected", selected ? "true" : "false");
        other.classList.toggle("selected", selected);
      });
    });
  });
});
