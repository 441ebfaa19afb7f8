// The paging bar: a changed page size applies at once (the 确定 button does the same without JS).
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-pager-size]").forEach(function (select) {
    select.addEventListener("change", function () {
      var form = select.form;
      // A bar inside a page's own form (pagingForm): press its 确定, which sends the form's state.
      var go = select.closest("[data-test=pager]").querySelector("[data-pager-go]");
      if (go) { go.click(); return; }
      var page = form.querySelector("input[name=page]");
      if (page) { page.value = "1"; }
      form.submit();
    });
  });
});
