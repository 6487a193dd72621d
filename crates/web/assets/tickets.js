// The contact window (crates/web/src/pages/tickets.rs): while the person types the topic and the
// message, the help centre's best matching guides are listed above the send button (the same
// search the server records when the request is sent). Without JavaScript the "suggest" button
// asks the server for the same list.
(function () {
  "use strict";
  var form = document.getElementById("contact");
  if (!form) return;
  var topic = form.querySelector("#f-topic");
  var message = form.querySelector("#f-message");
  var box = document.getElementById("suggestions");
  var timer = null;
  var asked = "";
  function show(hits) {
    while (box.firstChild) box.removeChild(box.firstChild);
    if (!hits.length) return;
    var h = document.createElement("h2");
    h.textContent = box.getAttribute("data-title");
    box.appendChild(h);
    var ul = document.createElement("ul");
    hits.forEach(function (hit) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = "/help/" + encodeURIComponent(hit.id);
      a.target = "_blank";
      a.textContent = hit.title;
      li.appendChild(a);
      ul.appendChild(li);
    });
    box.appendChild(ul);
    var p = document.createElement("p");
    p.className = "muted";
    p.textContent = box.getAttribute("data-still");
    box.appendChild(p);
  }
  function ask() {
    var q = (topic.value + " " + message.value).trim();
    if (q.length < 3 || q === asked) return;
    asked = q;
    fetch("/support/suggest.json?q=" + encodeURIComponent(q), { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(show)
      .catch(function () {});
  }
  function later() {
    if (timer) clearTimeout(timer);
    timer = setTimeout(ask, 400);
  }
  topic.addEventListener("input", later);
  message.addEventListener("input", later);
})();
