// Draws every <canvas data-chart="{...}"> with Chart.js; the data comes from the page as JSON (no inline script).
// A dataset may name its own type ("line" over bars) and a second axis ("price"), and its unit ("t", "¥").
(function () {
  "use strict";
  if (typeof Chart === "undefined") return;
  var palette = ["#1b7f5b", "#2f6fb0", "#d08a1e", "#a23b72", "#5a5a9e", "#3b9aa2", "#8a6d3b"];
  var locale = document.documentElement.lang || "en";
  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var spec = JSON.parse(canvas.getAttribute("data-chart"));
    var doughnut = spec.type === "doughnut";
    var secondAxis = false;
    var datasets = spec.datasets.map(function (d, i) {
      var set = {
        label: d.label,
        data: d.data,
        unit: d.unit || "t",
        backgroundColor: doughnut ? palette.slice(0, d.data.length) : palette[i % palette.length]
      };
      if (d.type) { set.type = d.type; set.borderColor = palette[i % palette.length]; }
      if (d.yAxisID) { set.yAxisID = d.yAxisID; secondAxis = true; }
      return set;
    });
    var number = new Intl.NumberFormat(locale);
    var scales = doughnut ? {} : { x: { stacked: spec.stacked }, y: { stacked: spec.stacked, beginAtZero: true } };
    if (secondAxis) scales.price = { position: "right", beginAtZero: false, grid: { drawOnChartArea: false } };
    new Chart(canvas, {
      type: spec.type,
      data: { labels: spec.labels, datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        locale: locale,
        plugins: { tooltip: { callbacks: { label: function (c) {
          var value = number.format(c.parsed.y !== undefined ? c.parsed.y : c.parsed);
          var unit = c.dataset.unit;
          return (c.dataset.label || c.label) + ": " + (unit === "¥" ? "¥" + value : value + " " + unit);
        } } } },
        scales: scales
      }
    });
  });
})();
