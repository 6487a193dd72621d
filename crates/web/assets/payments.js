// The Payments page (crates/web/src/pages/payments.rs): as the customer ticks invoices or picks a
// duration, the selection's total, the part taken from the prepaid balance and the rest by card
// follow; the prepaid amount follows too until the customer types one. Without JavaScript the
// "recompute" button asks the server for the same figures.
(function () {
  "use strict";
  var form = document.getElementById("pay-selection");
  if (!form) return;
  var balance = parseInt(form.dataset.balance, 10) || 0;
  var currency = form.dataset.currency || "";
  var prepaid = form.querySelector("#f-from_prepaid");
  var typed = false;
  function money(minor) {
    var sign = minor < 0 ? "-" : "";
    var abs = Math.abs(minor);
    var units = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, "'");
    var cents = String(abs % 100).padStart(2, "0");
    return currency + "\u00a0" + sign + units + "." + cents;
  }
  function parse(text) {
    var t = String(text).trim().replace(/['\u2019\s]/g, "").replace(",", ".");
    if (!/^\d+(\.\d{1,2})?$/.test(t)) return null;
    var parts = t.split(".");
    return parseInt(parts[0], 10) * 100 + (parts[1] ? parseInt((parts[1] + "0").slice(0, 2), 10) : 0);
  }
  function plain(minor) {
    return Math.floor(minor / 100) + "." + String(minor % 100).padStart(2, "0");
  }
  function recompute() {
    var total = 0;
    form.querySelectorAll("tbody tr[data-gross]").forEach(function (row) {
      var box = row.querySelector("input[type=checkbox]");
      if (!box || !box.checked) return;
      var gross = parseInt(row.dataset.gross, 10) || 0;
      var select = row.querySelector("select[name^=months_]");
      if (select && select.selectedOptions[0] && select.selectedOptions[0].dataset.gross) {
        gross = parseInt(select.selectedOptions[0].dataset.gross, 10) || 0;
      }
      total += gross;
    });
    var wanted = typed ? parse(prepaid.value) : balance;
    var fromPrepaid = Math.max(0, Math.min(wanted === null ? 0 : wanted, balance, total));
    if (!typed) prepaid.value = plain(fromPrepaid);
    document.getElementById("sel-total").textContent = money(total);
    document.getElementById("sel-prepaid").textContent = money(fromPrepaid);
    document.getElementById("sel-card").textContent = money(total - fromPrepaid);
  }
  form.addEventListener("change", function (e) {
    if (e.target === prepaid) typed = true;
    recompute();
  });
  prepaid.addEventListener("input", function () {
    typed = true;
    recompute();
  });
  var button = document.getElementById("recompute");
  if (button) button.hidden = true;
  recompute();
})();
