// 介護保険 本算定の進捗: while the run is in progress, poll its JSON handler every 2 s and update the numbers;
// when it is no longer running, reload the page to show the summary, the chart and the notices.
(function () {
    const box = document.querySelector('[data-run-progress]');
    if (!box || box.dataset.running !== 'true') return;
    const url = box.dataset.runProgress;
    const set = (field, value) => { const el = box.querySelector('[data-field="' + field + '"]'); if (el) el.textContent = value; };
    const tick = async () => {
        try {
            const response = await fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' });
            if (!response.ok) return setTimeout(tick, 2000);
            const p = await response.json();
            set('label', p.label);
            set('processed', p.processed.toLocaleString('ja-JP'));
            set('total', p.total.toLocaleString('ja-JP'));
            set('changed', p.changed.toLocaleString('ja-JP'));
            const bar = box.querySelector('[data-field="bar"]');
            if (bar) { bar.max = Math.max(1, p.total); bar.value = p.processed; }
            if (p.state !== 'Running' || p.label !== '実行中') { location.reload(); return; }
        } catch (e) { /* network hiccup: try again */ }
        setTimeout(tick, 2000);
    };
    setTimeout(tick, 2000);
})();
