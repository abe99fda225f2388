/* ParIndex charts: read each chart's data from a <script type="application/json"> block named by the
   canvas's data-source, draw it with Chart.js. Tables on the page carry every number; charts only help. */
(function () {
    'use strict';
    if (typeof window.Chart === 'undefined') return;

    var root = getComputedStyle(document.documentElement);
    var fallback = ['#1a7f37', '#1f6feb', '#bf8700', '#d4631a', '#cf222e'];
    var family = getComputedStyle(document.body).fontFamily;

    function band(i) { return root.getPropertyValue('--band-' + i).trim() || fallback[i] || fallback[4]; }

    function alpha(hex, a) {
        var h = hex.replace('#', '');
        if (h.length === 3) h = h.split('').map(function (c) { return c + c; }).join('');
        var n = parseInt(h, 16);
        return 'rgba(' + ((n >> 16) & 255) + ',' + ((n >> 8) & 255) + ',' + (n & 255) + ',' + a + ')';
    }

    function number(v, decimals) {
        return Number(v).toLocaleString('vi-VN', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    }

    function wrap(text, width) {
        var lines = [], line = '';
        text.split(' ').forEach(function (word) {
            if (line && (line + ' ' + word).length > width) { lines.push(line); line = word; }
            else line = line ? line + ' ' + word : word;
        });
        if (line) lines.push(line);
        return lines.length > 2 ? [lines[0], lines.slice(1).join(' ').slice(0, width - 1) + '…'] : lines;
    }

    function shorten(text, width) { return text.length > width ? text.slice(0, width - 1) + '…' : text; }

    function read(canvas) {
        var source = document.getElementById(canvas.getAttribute('data-source'));
        if (!source) return null;
        try { return JSON.parse(source.textContent); } catch (e) { return null; }
    }

    Chart.defaults.font.family = family;
    Chart.defaults.color = '#475467';
    Chart.defaults.maintainAspectRatio = false;
    if (window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches) Chart.defaults.animation = false;

    /* Horizontal lines at the classification thresholds, with their labels. */
    var bandLines = {
        id: 'piBandLines',
        afterDatasetsDraw: function (chart, args, options) {
            var lines = (options && options.lines) || [];
            var y = chart.scales.y, area = chart.chartArea, ctx = chart.ctx;
            ctx.save();
            lines.forEach(function (line) {
                if (line.min < y.min || line.min > y.max) return;
                var py = Math.round(y.getPixelForValue(line.min)) + 0.5;
                var colour = band(line.band);
                ctx.strokeStyle = colour;
                ctx.lineWidth = 1.5;
                ctx.setLineDash([6, 4]);
                ctx.beginPath();
                ctx.moveTo(area.left, py);
                ctx.lineTo(area.right, py);
                ctx.stroke();
                ctx.setLineDash([]);
                var text = line.label + ' ≥ ' + number(line.min, 0);
                ctx.font = '600 11px ' + family;
                var w = ctx.measureText(text).width;
                ctx.fillStyle = 'rgba(255,255,255,.9)';
                ctx.fillRect(area.right - w - 10, py - 16, w + 8, 14);
                ctx.fillStyle = colour;
                ctx.textAlign = 'right';
                ctx.textBaseline = 'bottom';
                ctx.fillText(text, area.right - 6, py - 3);
            });
            ctx.restore();
        }
    };

    function ranking(canvas, data) {
        var values = data.values.filter(function (v) { return v !== null; });
        var low = values.length ? Math.min.apply(null, values) : 0;
        var high = values.length ? Math.max.apply(null, values) : 100;
        var many = data.labels.length > 30;
        return new Chart(canvas, {
            type: 'bar',
            data: {
                labels: data.labels,
                datasets: [{
                    label: 'Chỉ số',
                    data: data.values,
                    backgroundColor: data.bands.map(function (b) { return alpha(band(b), 0.78); }),
                    hoverBackgroundColor: data.bands.map(function (b) { return band(b); }),
                    borderRadius: 3,
                    maxBarThickness: 36
                }]
            },
            options: {
                layout: { padding: { top: 6 } },
                scales: {
                    y: {
                        min: Math.max(0, Math.floor(low / 10) * 10 - 10),
                        max: Math.max(100, Math.ceil(high)),
                        ticks: { callback: function (v) { return number(v, 0); } },
                        grid: { color: '#eef0f3' }
                    },
                    x: {
                        grid: { display: false },
                        ticks: many
                            ? { display: false }
                            : { autoSkip: false, maxRotation: 60, minRotation: 40, font: { size: 11 },
                                callback: function (v, i) { return shorten(data.labels[i], 22); } }
                    }
                },
                plugins: {
                    legend: { display: false },
                    piBandLines: { lines: data.lines },
                    tooltip: {
                        callbacks: {
                            title: function (items) { return (items[0].dataIndex + 1) + '. ' + data.labels[items[0].dataIndex]; },
                            label: function (item) { return 'Chỉ số ' + number(item.parsed.y, data.decimals); }
                        }
                    }
                }
            },
            plugins: [bandLines]
        });
    }

    function classCounts(canvas, data) {
        return new Chart(canvas, {
            type: 'bar',
            data: {
                labels: data.labels.map(function (l) { return wrap(l, 38); }),
                datasets: data.datasets.map(function (d) {
                    return { label: d.label, data: d.data, backgroundColor: band(d.band), borderWidth: 0, maxBarThickness: 22 };
                })
            },
            options: {
                indexAxis: 'y',
                scales: {
                    x: { stacked: true, grid: { color: '#eef0f3' }, ticks: { precision: 0 }, title: { display: true, text: 'Số đơn vị' } },
                    y: { stacked: true, grid: { display: false }, ticks: { font: { size: 11 } } }
                },
                plugins: {
                    legend: { position: 'top', align: 'start', labels: { boxWidth: 12, boxHeight: 12 } },
                    tooltip: {
                        callbacks: {
                            title: function (items) { return data.labels[items[0].dataIndex]; },
                            label: function (item) { return item.dataset.label + ': ' + number(item.parsed.x, 0); }
                        }
                    }
                }
            }
        });
    }

    var kinds = { 'ranking': ranking, 'class-counts': classCounts };
    // The height comes as data (the Content-Security-Policy allows no style attributes); set through the CSSOM.
    document.querySelectorAll('.pi-chart[data-height]').forEach(function (box) {
        box.style.height = box.getAttribute('data-height') + 'px';
    });
    document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
        var draw = kinds[canvas.getAttribute('data-chart')];
        var data = read(canvas);
        if (draw && data) draw(canvas, data);
    });
})();
