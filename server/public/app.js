// Progressive enhancement only: every page works without this file.
// Shows exact times in the reader's own time zone on hover.
(function () {
  var format = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  var times = document.querySelectorAll('time[datetime][title]');
  for (var i = 0; i < times.length; i++) {
    var date = new Date(times[i].getAttribute('datetime'));
    if (!isNaN(date.getTime())) times[i].title = format.format(date);
  }
  // Filter menus apply as soon as a choice is made; the Apply button stays for keyboards and no-JS.
  var forms = document.querySelectorAll('form.filters');
  for (var f = 0; f < forms.length; f++) {
    forms[f].addEventListener('change', function (event) {
      if (event.target && event.target.tagName === 'SELECT') event.currentTarget.requestSubmit();
    });
  }
})();
