// Member statistics page (issue 5 item 7): draws each chart from the table under it, so the table
// is both the accessible form and the only data. No inline script (a CSP comes).
(function () {
  'use strict';
  var palette = ['#b71c1c', '#f9a825', '#1565c0', '#2e7d32', '#6a1b9a', '#ef6c00', '#00838f', '#5d4037', '#ad1457', '#546e7a'];

  // Vietnamese number format: 1.234 and 12,5 %.
  function number(n) { return Number(n).toLocaleString('vi-VN'); }
  function percent(p) { return Number(p).toLocaleString('vi-VN', { maximumFractionDigits: 1 }) + ' %'; }

  function rows(table) {
    var out = [];
    table.querySelectorAll('tbody tr').forEach(function (tr) {
      var th = tr.querySelector('th');
      var td = tr.querySelector('td[data-count]');
      if (th && td && td.getAttribute('data-count') !== '') {
        out.push({ name: th.textContent.trim(), value: Number(td.getAttribute('data-count')) });
      }
    });
    return out;
  }

  function draw(el) {
    var table = document.getElementById(el.getAttribute('data-table'));
    if (!table || typeof echarts === 'undefined') {
      return;
    }
    var data = rows(table);
    if (data.length === 0) {
      el.style.display = 'none';
      return;
    }
    var pie = el.getAttribute('data-chart') === 'pie';
    // Long labels or many rows read better as horizontal bars.
    var horizontal = !pie && (data.length > 6 || data.some(function (d) { return d.name.length > 14; }));
    el.style.height = pie ? '240px' : (horizontal ? Math.max(200, data.length * 26 + 40) + 'px' : '240px');
    var chart = echarts.init(el, null, { renderer: 'svg' });
    var option;
    if (pie) {
      option = {
        color: palette,
        tooltip: { trigger: 'item', formatter: function (p) { return p.name + ': ' + number(p.value) + ' (' + percent(p.percent) + ')'; } },
        legend: { bottom: 0, type: 'scroll' },
        series: [{ type: 'pie', radius: ['35%', '65%'], center: ['50%', '44%'], data: data,
                   label: { formatter: function (p) { return percent(p.percent); } } }]
      };
    } else {
      var names = data.map(function (d) { return d.name; });
      var values = data.map(function (d) { return d.value; });
      var category = { type: 'category', data: names, axisLabel: { interval: 0, width: horizontal ? 190 : 90, overflow: 'truncate' } };
      var value = { type: 'value', minInterval: 1 };
      option = {
        color: palette,
        tooltip: { trigger: 'axis' },
        grid: { left: horizontal ? 200 : 40, right: 20, top: 10, bottom: horizontal ? 20 : 50, containLabel: false },
        xAxis: horizontal ? value : category,
        yAxis: horizontal ? Object.assign({ inverse: true }, category) : value,
        series: [{ type: 'bar', data: values, barMaxWidth: 28, label: { show: true, position: horizontal ? 'right' : 'top' } }]
      };
      if (!horizontal) {
        option.xAxis.axisLabel.rotate = names.some(function (n) { return n.length > 12; }) ? 20 : 0;
      }
    }
    chart.setOption(option);
    el.setAttribute('data-rendered', 'true');
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function start() {
    document.querySelectorAll('.pw-chart').forEach(draw);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
