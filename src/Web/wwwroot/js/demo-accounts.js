// The sign-in page's list of demo accounts: a click fills the form with the account and the demo's password, and
// puts the cursor on the button. Without JavaScript the list still says which accounts there are and the password.
(function () {
    "use strict";
    var list = document.querySelector("[data-demo-password]");
    var user = document.getElementById("username");
    var password = document.getElementById("password");
    if (!list || !user || !password) return;
    list.addEventListener("click", function (event) {
        var button = event.target.closest("[data-demo-user]");
        if (!button) return;
        user.value = button.getAttribute("data-demo-user");
        password.value = list.getAttribute("data-demo-password");
        var submit = user.form && user.form.querySelector("button[type=submit]");
        if (submit) submit.focus();
    });
})();
