// Stripe's card field in Guichet's payment forms (crates/web/src/card_field.rs): Stripe.js mounts it,
// and on submit turns the card into a PaymentMethod whose id alone is sent. A page that answers
// "your bank asks you to confirm" carries data-client-secret: Stripe.js runs the confirmation, then
// the page goes on to its data-return URL, which asks the provider for the outcome.
(function () {
  "use strict";
  document.querySelectorAll(".stripe-card[data-stripe-key]").forEach(function (mount) {
    var form = mount.closest("form");
    if (!form || typeof Stripe === "undefined") return;
    var stripe = Stripe(mount.dataset.stripeKey);
    var card = stripe.elements().create("card");
    card.mount(mount);
    var input = form.querySelector("input[name=payment_method]");
    var error = form.querySelector(".stripe-error");
    form.addEventListener("submit", function (event) {
      if (input.value) return;
      event.preventDefault();
      stripe.createPaymentMethod({ type: "card", card: card }).then(function (result) {
        if (result.error) {
          error.textContent = result.error.message;
          return;
        }
        input.value = result.paymentMethod.id;
        form.submit();
      });
    });
  });
  document.querySelectorAll("[data-client-secret][data-stripe-key]").forEach(function (el) {
    if (typeof Stripe === "undefined") return;
    var stripe = Stripe(el.dataset.stripeKey);
    stripe.handleNextAction({ clientSecret: el.dataset.clientSecret }).then(function () {
      window.location.assign(el.dataset.return);
    });
  });
})();
