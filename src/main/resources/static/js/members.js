// Member search page (/members). No inline handlers (CSP): behaviour is attached here.
(function () {
  'use strict';

  // Enter in the organisation search box picks nothing: it must not submit the criteria half typed.
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && event.target.classList && event.target.classList.contains('pw-org-q')) {
      event.preventDefault();
    }
  });

  // An organisation chosen (or cleared) in the picker: search again with it.
  document.addEventListener('htmx:afterSwap', function (event) {
    var picker = event.target;
    var form = document.getElementById('member-search');
    if (!form || !picker || picker.id !== 'org-picker' || typeof htmx === 'undefined') {
      return;
    }
    htmx.trigger(form, 'orgChosen');
  });
})();
