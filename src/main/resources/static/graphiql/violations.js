// Kept first on the GraphiQL page: a Content-Security-Policy violation is remembered (and logged), so a browser test
// can tell that the page works within its policy, not merely that it renders.
window.cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.cspViolations.push(event.violatedDirective + ' ' + (event.blockedURI || 'inline'));
  console.warn('Content-Security-Policy refused', event.violatedDirective, event.blockedURI);
});
