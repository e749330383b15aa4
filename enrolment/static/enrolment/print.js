// The "Print" button of the login cards page: the only script these pages use.
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) {
    window.print();
  }
});
