// Registration pages: small enhancements; every page works without them (the server checks all).
document.addEventListener("DOMContentLoaded", function () {
  // The receipt's print button.
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });

  var form = document.getElementById("bulk-form");
  if (!form) { return; }

  // Keyboard focus is never hidden by the sticky tray (ADR 0038): the page's scroll padding follows
  // the tray's height, and a focused element the tray still covers is scrolled into view.
  var tray = form.querySelector(".tray");
  if (tray) {
    var root = document.documentElement;
    var pad = function () { root.style.setProperty("--tray-height", (tray.offsetHeight + 16) + "px"); };
    pad();
    if (window.ResizeObserver) { new ResizeObserver(pad).observe(tray); }
    var uncover = function (el) {
      if (!el || tray.contains(el) || !el.getBoundingClientRect) { return; }
      var box = el.getBoundingClientRect();
      var top = tray.getBoundingClientRect().top;
      if (box.bottom > top - 4 && box.top < tray.getBoundingClientRect().bottom) {
        window.scrollBy(0, box.bottom - top + 16);
      }
    };
    form.addEventListener("focusin", function (event) {
      var el = event.target;
      uncover(el);
      window.requestAnimationFrame(function () { uncover(el); });
    });
  }
  var MOBILE = /^1[3-9][0-9]{9}$/;
  var EMAIL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;
  var names = form.querySelector(".tray-names");
  var count = form.querySelector(".tray-count");
  var empty = form.querySelector(".tray-empty");
  var rows = Array.prototype.slice.call(form.querySelectorAll("tr[data-member]"));
  var boxes = rows.map(function (row) { return row.querySelector("input[name=pick]"); })
    .filter(function (box) { return box; });

  function valid(input) {
    var value = input.value.trim();
    return input.dataset.kind === "mobile" ? MOBILE.test(value) : (value.length <= 100 && EMAIL.test(value));
  }

  // Marks the ticked rows' invalid fields in red; answers the first invalid input.
  function check(row) {
    var box = row.querySelector("input[name=pick]");
    var firstBad = null;
    row.querySelectorAll("input.cell-input").forEach(function (input) {
      var bad = box && box.checked && !valid(input);
      input.parentElement.classList.toggle("has-error", bad);
      input.setAttribute("aria-invalid", bad ? "true" : "false");
      var message = input.parentElement.querySelector("[data-error]");
      if (message) { message.classList.toggle("is-hidden", !bad); }
      if (bad && !firstBad) { firstBad = input; }
    });
    row.classList.toggle("ticked", !!(box && box.checked));
    return firstBad;
  }

  function chipOf(memberNo) {
    return names.querySelector("li[data-member='" + memberNo + "']");
  }

  function updateCount() {
    var shown = names.querySelectorAll("li:not(.is-hidden)").length;
    count.textContent = count.dataset.template.replace("{0}", shown);
    if (empty) { empty.classList.toggle("is-hidden", shown > 0); }
  }

  // Keeps the tray's names in step with the ticks of this page until the next submission.
  function sync(row) {
    var box = row.querySelector("input[name=pick]");
    var chip = chipOf(row.dataset.member);
    if (box.checked && !chip) {
      chip = document.createElement("li");
      chip.className = "chip pending";
      chip.dataset.member = row.dataset.member;
      var label = document.createElement("span");
      label.className = "chip-name";
      label.textContent = row.dataset.name;
      var remove = document.createElement("button");
      remove.type = "button";
      remove.className = "chip-remove";
      remove.textContent = "\u00d7";
      remove.setAttribute("aria-label", row.dataset.name);
      remove.addEventListener("click", function () {
        box.checked = false;
        box.dispatchEvent(new Event("change"));
      });
      chip.appendChild(label);
      chip.appendChild(remove);
      names.appendChild(chip);
    } else if (chip) {
      chip.classList.toggle("is-hidden", !box.checked);
    }
    updateCount();
  }

  rows.forEach(function (row) {
    var box = row.querySelector("input[name=pick]");
    if (!box) { return; }
    box.addEventListener("change", function () { check(row); sync(row); });
    row.querySelectorAll("input.cell-input").forEach(function (input) {
      input.addEventListener("input", function () { check(row); });
    });
  });

  var all = form.querySelector("[data-select-page]");
  if (all && boxes.length) {
    all.hidden = false;
    all.checked = boxes.every(function (b) { return b.checked; });
    all.addEventListener("change", function () {
      boxes.forEach(function (box) {
        if (box.checked !== all.checked) {
          box.checked = all.checked;
          box.dispatchEvent(new Event("change"));
        }
      });
    });
  }

  // Nothing is sent while a ticked row of this page has an invalid mobile or email.
  form.addEventListener("submit", function (event) {
    var submitter = event.submitter;
    if (!submitter || submitter.name !== "op" || submitter.value !== "register") { return; }
    var firstBad = null;
    rows.forEach(function (row) { var bad = check(row); if (bad && !firstBad) { firstBad = bad; } });
    if (firstBad) {
      event.preventDefault();
      firstBad.focus();
    }
  });
});
