// What every page does around Framework's own shell, run from the page head (observablehq.config.ts)
// once Framework's sidebar script has run:
// - a skip link, the first thing a keyboard reaches, to the page's content;
// - the menu toggle named in Vietnamese ("Danh mục"; Framework names it "Toggle sidebar Alt-B")
//   and shown as a button on narrow screens by src/style.css;
// - on a narrow screen, choosing a page closes the menu (Framework remembered it open, so the
//   next page opened under it);
// - the menu's close control moved out of the page list (a label inside <ol> is not a list item);
// - every table box that scrolls (.kc-table-wrap, however the page made it) reachable by keyboard,
//   so its hidden rows and columns can be scrolled to with the arrow keys;
// - the headings' "#" anchors out of the Tab order: a stop per heading before the content.
// It is inlined into each page as text (pageShellScript), so it uses no imports and no named
// inner functions (the TypeScript runner would wrap those in a helper the browser lacks).

/** Framework's breakpoint above which the sidebar sits beside the page. */
export const WIDE_MEDIA = "(min-width: calc(640px + 6rem + 272px))";

export function pageShell(wideMedia: string): void {
  document.addEventListener("DOMContentLoaded", () => {
    const main = document.getElementById("observablehq-main");
    if (main) {
      main.tabIndex = -1;
      const skip = document.createElement("a");
      skip.className = "kc-skip-link";
      skip.href = "#observablehq-main";
      skip.textContent = "Bỏ qua danh mục, đến nội dung chính";
      skip.addEventListener("click", (event) => {
        event.preventDefault();
        main.focus();
        main.scrollIntoView();
      });
      document.body.prepend(skip);
    }
    for (const anchor of document.querySelectorAll<HTMLElement>("a.observablehq-header-anchor")) anchor.tabIndex = -1;
    const toggle = document.getElementById("observablehq-sidebar-toggle");
    if (toggle) {
      toggle.setAttribute("aria-label", "Danh mục các trang");
      toggle.title = "Mở hoặc đóng danh mục các trang (Alt-B)";
      toggle.setAttribute("aria-controls", "observablehq-sidebar");
    }
    const sidebar = document.getElementById("observablehq-sidebar");
    const close = document.getElementById("observablehq-sidebar-close");
    if (sidebar && close) {
      close.title = "Đóng danh mục";
      const list = close.closest("ol");
      if (list) list.after(close);
    }
    if (main) {
      // Once a frame at most: reading a box's size lays the page out, and a page drawing thousands
      // of rows and marks changed the tree thousands of times (Cơ sở CNNT at 100×: 15 s).
      let pending = false;
      new MutationObserver(() => {
        if (pending) return;
        pending = true;
        requestAnimationFrame(() => {
          pending = false;
          for (const box of main.querySelectorAll<HTMLElement>(".kc-table-wrap:not([tabindex])")) {
            if (box.scrollHeight > box.clientHeight || box.scrollWidth > box.clientWidth) box.tabIndex = 0;
          }
        });
      }).observe(main, {childList: true, subtree: true});
    }
    sidebar?.addEventListener("click", (event) => {
      if (matchMedia(wideMedia).matches) return;
      if (!(event.target instanceof Element) || !event.target.closest("a[href]")) return;
      sessionStorage.removeItem("observablehq-sidebar");
      if (toggle instanceof HTMLInputElement) toggle.checked = false;
      (document.activeElement as HTMLElement | null)?.blur();
    });
  });
}

/** The script element the config puts in every page's head. */
export const pageShellScript = `<script>(${pageShell.toString()})(${JSON.stringify(WIDE_MEDIA)});</script>`;
