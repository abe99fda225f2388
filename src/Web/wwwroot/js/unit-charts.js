// Charts of the unit and analysis pages. Each chart is a container [data-chart-for="<id>"] holding a <canvas>,
// and a <script type="application/json" id="<id>"> with its data; the same numbers are in a table on the page,
// so without JavaScript (or without Chart.js) the container simply stays hidden.
(function () {
    "use strict";
    if (typeof Chart === "undefined") return;

    function format(value, decimals) {
        return value === null || value === undefined ? "—"
            : Number(value).toLocaleString("vi-VN", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    }

    function draw(container) {
        var source = document.getElementById(container.getAttribute("data-chart-for"));
        var canvas = container.querySelector("canvas");
        if (!source || !canvas) return;
        var spec;
        try { spec = JSON.parse(source.textContent); } catch (e) { return; }
        var decimals = typeof spec.decimals === "number" ? spec.decimals : 2;
        var suffix = spec.suffix || "";
        var horizontal = spec.indexAxis === "y";
        var valueAxis = {
            beginAtZero: true,
            grid: { color: "#eef0f3" },
            ticks: { callback: function (v) { return format(v, 0) + suffix; } }
        };
        if (typeof spec.max === "number") valueAxis.max = spec.max;
        var categoryAxis = { grid: { display: false }, ticks: { autoSkip: false } };

        container.hidden = false;
        new Chart(canvas, {
            type: spec.type || "bar",
            data: {
                labels: spec.labels,
                datasets: spec.datasets.map(function (d) {
                    return {
                        label: d.label, data: d.data, backgroundColor: d.color, borderColor: d.color,
                        borderRadius: 4, maxBarThickness: 38
                    };
                })
            },
            options: {
                indexAxis: horizontal ? "y" : "x",
                responsive: true,
                maintainAspectRatio: false,
                animation: false,
                scales: horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
                plugins: {
                    legend: { display: spec.datasets.length > 1, position: "bottom", labels: { boxWidth: 12, boxHeight: 12 } },
                    tooltip: {
                        callbacks: {
                            title: function (items) {
                                var i = items[0].dataIndex;
                                return spec.titles && spec.titles[i] ? spec.titles[i] : spec.labels[i];
                            },
                            label: function (item) { return item.dataset.label + ": " + format(item.raw, decimals) + suffix; }
                        }
                    }
                }
            }
        });
    }

    document.querySelectorAll("[data-chart-for]").forEach(draw);
})();
