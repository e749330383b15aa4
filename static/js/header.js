/* The header's menus (<details class="header-menu">) open and close without JavaScript.
 * With it, they also close the way a menu does: Escape closes the open one and gives the
 * focus back to its button; a click or a focus elsewhere on the page closes it.
 */
(function () {
  "use strict";

  function openMenus() {
    return document.querySelectorAll("details.header-menu[open]");
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    openMenus().forEach(function (menu) {
      var inside = menu.contains(document.activeElement);
      menu.open = false;
      if (inside) menu.querySelector("summary").focus();
    });
  });

  function closeOutside(event) {
    openMenus().forEach(function (menu) {
      if (!menu.contains(event.target)) menu.open = false;
    });
  }
  document.addEventListener("click", closeOutside);
  document.addEventListener("focusin", closeOutside);
})();
