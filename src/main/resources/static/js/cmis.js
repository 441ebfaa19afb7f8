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
});
