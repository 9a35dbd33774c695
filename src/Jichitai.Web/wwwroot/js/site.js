// Behaviour without inline scripts (the CSP allows only 'self'): any element with data-print prints the page.
document.addEventListener('click', function (e) {
    var target = e.target instanceof Element ? e.target.closest('[data-print]') : null;
    if (target) { e.preventDefault(); window.print(); }
});

// 住所辞書 (standard 1.3.3) on the shared address input ([data-address-input]): choosing a 町字 from its suggestions fills
// 住所コード and 郵便番号; a 郵便番号 that belongs to exactly one 町字 fills the 町字 when it is still empty. The server checks
// everything again, so this only saves typing.
(function () {
    function field(box, suffix) { return box.querySelector('input[name$=".' + suffix + '"]'); }
    function towns(box) { var t = field(box, 'Town'); return t && t.list ? Array.prototype.slice.call(t.list.options) : []; }
    function fill(box, option) {
        var code = field(box, 'AddressCode');
        field(box, 'Town').value = option.value;
        field(box, 'PostalCode').value = option.getAttribute('data-postal');
        code.value = option.getAttribute('data-code');
        code.setAttribute('data-filled', '1');
    }
    function numbers(text) { // "８番３号" and "8-3" are the same 番地
        var ascii = (text || '').replace(/[０-９]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xFEE0); });
        return (ascii.match(/[0-9]+/g) || []).join('-');
    }
    document.addEventListener('input', function (e) {
        var input = e.target;
        if (!(input instanceof HTMLInputElement) || input.readOnly) return;
        var box = input.closest('[data-address-input]');
        if (!box) return;
        if (/\.Town$/.test(input.name)) {
            var match = towns(box).filter(function (o) { return o.value === input.value; })[0];
            var code = field(box, 'AddressCode');
            if (match) fill(box, match);
            else if (code.getAttribute('data-filled')) { code.value = ''; code.removeAttribute('data-filled'); }
        } else if (/\.AddressCode$/.test(input.name)) {
            var typed = numbers(input.value).replace(/-/g, '');
            var byCode = typed.length === 11 && towns(box).filter(function (o) { return o.getAttribute('data-code') === typed; })[0];
            if (byCode) fill(box, byCode);
        } else if (/\.PostalCode$/.test(input.name)) {
            var digits = numbers(input.value).replace(/-/g, '');
            if (digits.length !== 7 || field(box, 'Town').value) return;
            var hits = towns(box).filter(function (o) { return numbers(o.getAttribute('data-postal')).replace(/-/g, '') === digits; });
            if (hits.length === 1) fill(box, hits[0]);
        }
    });
    // 方書入力補助 (standard 4.0.7): the 方書 registered at the 町字 and 番地 typed so far.
    document.addEventListener('focusin', function (e) {
        var input = e.target;
        if (!(input instanceof HTMLInputElement) || !/\.Building$/.test(input.name) || !input.list) return;
        var box = input.closest('[data-address-input]');
        var catalog = box && box.querySelector('template[data-building-catalog]');
        if (!catalog) return;
        var town = field(box, 'Town').value, block = numbers(field(box, 'BlockNumber').value);
        input.list.replaceChildren();
        Array.prototype.forEach.call(catalog.content.querySelectorAll('option'), function (o) {
            if (o.getAttribute('data-town') === town && (!block || numbers(o.getAttribute('data-block')) === block)) input.list.appendChild(o.cloneNode(true));
        });
    });
})();

// 本籍入力補助 (standard 4.0.6): when a 本籍 field gets the focus, its suggestions (the 住所辞書 names from the server) are
// joined by the 現住所, the 転入前住所 and the 本籍 already typed for other members of the same 届出.
document.addEventListener('focusin', function (e) {
    var input = e.target;
    if (!(input instanceof HTMLInputElement) || input.readOnly || !input.list || !input.list.hasAttribute('data-domicile-candidates')) return;
    var list = input.list;
    Array.prototype.forEach.call(list.querySelectorAll('option[data-live]'), function (o) { o.remove(); });
    var live = [];
    var box = input.form && input.form.querySelector('[data-address-input]');
    if (box) {
        var town = box.querySelector('input[name$=".Town"]'), block = box.querySelector('input[name$=".BlockNumber"]');
        var known = town && town.list ? Array.prototype.filter.call(town.list.options, function (o) { return o.value === town.value; })[0] : null;
        var full = known ? known.getAttribute('data-full') : (town ? town.value : '');
        if (full) live.push([full + (block ? block.value : ''), '現住所']);
    }
    var previous = input.form && input.form.querySelector('input[name$="PreviousAddress"]');
    if (previous && previous.value) live.push([previous.value, '転入前住所']);
    if (input.form) Array.prototype.forEach.call(input.form.querySelectorAll('input[list="' + list.id + '"]'), function (other, i) {
        if (other !== input && other.value) live.push([other.value, i === 0 ? '世帯主の本籍' : '世帯員の本籍']);
    });
    live.reverse().forEach(function (c) {
        var o = document.createElement('option');
        o.value = c[0]; o.label = c[1]; o.setAttribute('data-live', '1');
        list.insertBefore(o, list.firstChild);
    });
});
