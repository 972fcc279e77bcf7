// Moves focus to the error summary after a refused submission, so keyboard and screen-reader
// users start from the list of what to correct. The page works the same without it.
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.querySelector("[data-error-summary]");
  if (summary) summary.focus();
});
