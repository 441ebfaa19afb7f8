// Small progressive enhancements; every page works without them.
document.addEventListener("DOMContentLoaded", function () {
  // A new captcha on click: the image URL changes so the browser fetches a fresh one.
  function refreshCaptcha(event) {
    if (event) { event.preventDefault(); }
    document.querySelectorAll("img[data-captcha]").forEach(function (img) {
      img.src = img.src.replace(/([?&]t=)\d+/, "$1" + Date.now());
      var input = document.getElementById("captcha");
      if (input) { input.value = ""; input.focus(); }
    });
  }
  document.querySelectorAll("img[data-captcha], [data-captcha-refresh]").forEach(function (el) {
    el.addEventListener("click", refreshCaptcha);
  });

  // Form errors (ADR 0037): a field with an error is marked invalid and described by its message;
  // the summary at the top of the form takes the focus, and its links focus their field.
  document.querySelectorAll(".has-error").forEach(function (field, i) {
    var messages = Array.prototype.slice.call(field.querySelectorAll(".field-error"));
    messages.forEach(function (m, j) { if (!m.id) { m.id = "field-error-" + i + "-" + j; } });
    field.querySelectorAll("input:not([type=hidden]), select, textarea").forEach(function (input) {
      input.setAttribute("aria-invalid", "true");
      var ids = (input.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
      messages.forEach(function (m) { if (ids.indexOf(m.id) < 0) { ids.push(m.id); } });
      if (ids.length) { input.setAttribute("aria-describedby", ids.join(" ")); }
    });
  });
  var summary = document.querySelector("[data-error-summary]");
  if (summary) { summary.focus(); }
  document.querySelectorAll("[data-error-summary] a[href^='#']").forEach(function (link) {
    link.addEventListener("click", function (event) {
      var name = link.getAttribute("href").substring(1);
      var target = document.getElementById(name) || document.querySelector("[name='" + name + "']");
      if (target) { event.preventDefault(); target.focus(); }
    });
  });

  // Asking before an irreversible action (ADR 0037): a button or form with data-confirm opens the
  // page's dialog with that message ({n}: the ticked boxes named by data-confirm-count); 确定 goes
  // on, 取消 or Esc does nothing, and the focus returns to the button.
  var dialog = document.getElementById("confirm-dialog");
  if (!dialog || typeof dialog.showModal !== "function") { return; }
  var text = dialog.querySelector("[data-confirm-text]");
  var pending = null;
  function ask(form, submitter, message, countSelector, event) {
    if (!message) { return; }
    if (countSelector) {
      var count = document.querySelectorAll(countSelector + ":checked").length;
      // Nothing ticked: nothing would happen, the server says so (请先勾选).
      if (count === 0) { return; }
      message = message.replace("{n}", String(count));
    }
    event.preventDefault();
    text.textContent = message;
    pending = { form: form, submitter: submitter, back: submitter || document.activeElement };
    dialog.returnValue = "";
    dialog.showModal();
    dialog.querySelector("[data-confirm-cancel]").focus();
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-confirm], input[type=submit][data-confirm]");
    if (!button || button.disabled || !button.form) { return; }
    if (button.dataset.confirmed) { delete button.dataset.confirmed; return; }
    ask(button.form, button, button.dataset.confirm, button.dataset.confirmCount, event);
  }, true);
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.dataset.confirm || form.dataset.confirmed) { delete form.dataset.confirmed; return; }
    var submitter = event.submitter;
    if (submitter && submitter.dataset.confirm !== undefined) { return; }
    ask(form, submitter, form.dataset.confirm, form.dataset.confirmCount, event);
  }, true);
  dialog.addEventListener("close", function () {
    var p = pending;
    pending = null;
    if (!p) { return; }
    if (dialog.returnValue === "ok") {
      if (p.submitter) { p.submitter.dataset.confirmed = "1"; }
      p.form.dataset.confirmed = "1";
      if (p.submitter) { p.submitter.click(); } else { p.form.requestSubmit(); }
    } else if (p.back && p.back.focus) {
      p.back.focus();
    }
  });
});

// Tablets (ADR 0034): a data table that has no scrolling box of its own gets one, so a wide table
// scrolls inside it and the page never scrolls sideways. A box that scrolls and holds nothing
// focusable becomes a Tab stop itself, so that keyboard users can scroll it too.
document.addEventListener("DOMContentLoaded", function () {
  var boxes = [];
  document.querySelectorAll("table.table").forEach(function (table) {
    var parent = table.parentElement;
    if (!parent) { return; }
    var overflow = getComputedStyle(parent).overflowX;
    var box = parent;
    if (overflow !== "auto" && overflow !== "scroll") {
      box = document.createElement("div");
      box.className = "table-scroll";
      parent.insertBefore(box, table);
      box.appendChild(table);
    }
    if (!box.querySelector("a[href], button, input, select, textarea, [tabindex]")) { boxes.push(box); }
  });
  function tabStops() {
    boxes.forEach(function (box) {
      if (box.scrollWidth > box.clientWidth + 1) { box.setAttribute("tabindex", "0"); }
      else { box.removeAttribute("tabindex"); }
    });
  }
  tabStops();
  window.addEventListener("resize", tabStops);
});
