// Behaviour without inline scripts (the CSP allows only 'self'): any element with data-print prints the page.
document.addEventListener('click', function (e) {
    var target = e.target instanceof Element ? e.target.closest('[data-print]') : null;
    if (target) { e.preventDefault(); window.print(); }
});
