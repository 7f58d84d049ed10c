// Self-check, read by the browser test (and handy when a report looks wrong): after the page has loaded it lists,
// in the hidden element #mlp-selfcheck, the images that did not load or are not visible, script errors and
// console errors, and any resource fetched from the network. It changes nothing on the page.
window.__mlpProblems = [];
window.addEventListener("error", function (e) {
  var t = e.target;
  if (t && t !== window && t.tagName) {
    window.__mlpProblems.push("error: failed to load " + t.tagName.toLowerCase() + " " + (t.getAttribute("src") || t.getAttribute("href") || ""));
  } else {
    window.__mlpProblems.push("error: " + e.message + " at " + e.filename + ":" + e.lineno);
  }
}, true);
(function () {
  var original = console.error;
  console.error = function () {
    window.__mlpProblems.push("error: console " + Array.prototype.join.call(arguments, " "));
    return original.apply(console, arguments);
  };
})();
window.addEventListener("load", function () {
  var lines = [];
  var imgs = document.querySelectorAll("img");
  var shown = 0;
  Array.prototype.forEach.call(imgs, function (img) {
    var r = img.getBoundingClientRect();
    var style = window.getComputedStyle(img);
    var name = img.getAttribute("data-check") || img.getAttribute("alt") || "img";
    if (!img.complete || img.naturalWidth === 0) {
      lines.push("broken: " + name);
    } else if (r.width === 0 || r.height === 0 || style.visibility === "hidden" || style.display === "none") {
      lines.push("invisible: " + name);
    } else {
      shown++;
      lines.push("shown: " + name + " " + img.naturalWidth + "x" + img.naturalHeight);
    }
  });
  (performance.getEntriesByType ? performance.getEntriesByType("resource") : []).forEach(function (e) {
    if (!/^(file|data):/.test(e.name)) { lines.push("network: " + e.name); }
  });
  window.__mlpProblems.forEach(function (p) { lines.push(p); });
  lines.push("images: " + imgs.length + " shown: " + shown);
  lines.push("height: " + Math.ceil(document.documentElement.scrollHeight));
  lines.push("done");
  document.getElementById("mlp-selfcheck").textContent = lines.join("\n");
});
