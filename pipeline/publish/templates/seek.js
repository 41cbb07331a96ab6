document.querySelectorAll('a[data-start]').forEach(function (link) {
  link.addEventListener('click', function (event) {
    var player = document.querySelector('audio');
    player.currentTime = parseFloat(link.dataset.start);
    player.play();
    event.preventDefault();
  });
});
