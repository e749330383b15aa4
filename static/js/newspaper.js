// The class newspaper (newspaper/): the "Print" button of an issue, shown once scripts run.
document.querySelectorAll("[data-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
