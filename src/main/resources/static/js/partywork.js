// Behaviour of the pages, bound here rather than in inline handlers so that the Content-Security-Policy
// can forbid inline scripts (issue 6 item 9). Listeners sit on the document, so content that htmx swaps
// in later behaves the same without rebinding.
(function () {
  'use strict';

  // <form data-confirm="..."> and <button data-confirm="..."> ask before they submit.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var question = form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });

  document.addEventListener('click', function (event) {
    var button = event.target.closest('button[data-confirm], input[type=submit][data-confirm]');
    if (button && !window.confirm(button.getAttribute('data-confirm'))) {
      event.preventDefault();
    }
  });

  // <input data-enter-stays> (the organisation picker's search box): Enter searches, it does not
  // submit the surrounding form.
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && event.target.matches && event.target.matches('[data-enter-stays]')) {
      event.preventDefault();
    }
  });
})();
