// Lists with tick boxes (报名确认, 登记考勤): tick all on the page, count the ticked rows. The page
// works without it.
document.addEventListener("DOMContentLoaded", function () {
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input[data-row-check]"));
  var all = document.querySelector("input[data-check-all]");
  var counter = document.querySelector("[data-selected-count]");

  function refresh() {
    var ticked = boxes.filter(function (b) { return b.checked; }).length;
    boxes.forEach(function (b) {
      var row = b.closest("tr");
      if (row) { row.classList.toggle("selected", b.checked); }
    });
    if (counter && counter.dataset.template) {
      counter.textContent = counter.dataset.template.replace("{n}", String(ticked));
    }
    if (all) {
      all.checked = boxes.length > 0 && ticked === boxes.length;
      all.indeterminate = ticked > 0 && ticked < boxes.length;
      all.disabled = boxes.length === 0;
    }
  }

  boxes.forEach(function (b) { b.addEventListener("change", refresh); });
  if (all) {
    all.addEventListener("change", function () {
      boxes.forEach(function (b) { b.checked = all.checked; });
      refresh();
    });
  }
  refresh();
});
