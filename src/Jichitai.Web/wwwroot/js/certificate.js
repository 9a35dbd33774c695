// 証明書の交付 (/registry/certificates, /registry/certificates/history). The server decides everything again; this only
// saves a round trip: the requester type shows its own fields at once, and an issued PDF is printed from memory.
(function () {
    // 請求者の種別: 住民票コード・個人番号 are offered only to 本人等 (住基法12条5項); 公用・第三者 get their own fields.
    document.addEventListener('change', function (e) {
        var select = e.target;
        if (!(select instanceof HTMLSelectElement) || !select.hasAttribute('data-requester-type')) return;
        var form = select.form, type = select.value;
        Array.prototype.forEach.call(form.querySelectorAll('[data-self-only]'), function (label) {
            var box = label.querySelector('input');
            label.hidden = box.disabled = type !== '本人等';
            if (label.hidden) box.checked = false;
        });
        Array.prototype.forEach.call(form.querySelectorAll('[data-for-requester]'), function (box) {
            box.hidden = box.getAttribute('data-for-requester').split(' ').indexOf(type) < 0;
        });
    });

    // 交付 pressed twice would issue twice: the button is disabled once the form is on its way.
    document.addEventListener('submit', function (e) {
        var button = e.submitter;
        if (button && button.hasAttribute('data-submit-once')) setTimeout(function () { button.disabled = true; }, 0);
    });

    function pdfBlob(link) {
        var base64 = link.getAttribute('href').split(',')[1];
        var bytes = Uint8Array.from(atob(base64), function (c) { return c.charCodeAt(0); });
        return new Blob([bytes], { type: 'application/pdf' });
    }

    // The issued PDF is shown in a frame made from a Blob URL (nothing is fetched again; the server keeps no copy).
    function showPdf() {
        Array.prototype.forEach.call(document.querySelectorAll('[data-pdf-frame]'), function (box) {
            var link = document.getElementById(box.getAttribute('data-pdf-frame'));
            if (!link || box.querySelector('iframe')) return;
            var frame = document.createElement('iframe');
            frame.title = '交付した証明書(PDF)';
            frame.className = 'pdf-frame';
            frame.src = URL.createObjectURL(pdfBlob(link));
            box.appendChild(frame);
        });
    }
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', showPdf); else showPdf();

    document.addEventListener('click', function (e) {
        var button = e.target instanceof Element ? e.target.closest('[data-print-pdf]') : null;
        if (!button) return;
        e.preventDefault();
        var frame = document.querySelector('[data-pdf-frame="' + button.getAttribute('data-print-pdf') + '"] iframe');
        if (frame && frame.contentWindow) frame.contentWindow.print();
    });
})();
