// Filters the rows or sections of a digest page by the words typed in the search box. No network, no data.
(function () {
  var box = document.getElementById('filter');
  if (!box) { return; }
  var target = document.getElementById(box.getAttribute('data-filter'));
  if (!target) { return; }
  var items = target.querySelectorAll('tbody tr, section.owner');
  box.addEventListener('input', function () {
    var words = box.value.toLowerCase().split(/\s+/).filter(Boolean);
    items.forEach(function (item) {
      var text = item.textContent.toLowerCase();
      item.hidden = !words.every(function (word) { return text.indexOf(word) !== -1; });
    });
  });
})();
