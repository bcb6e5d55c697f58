// Applies the remembered theme before the first paint (no flash). Classic script on purpose.
(function () {
  try {
    var t = localStorage.getItem('runrate.theme');
    if (t === 'light' || t === 'dark') document.documentElement.setAttribute('data-theme', t);
  } catch (e) { /* storage may be disabled */ }
})();
