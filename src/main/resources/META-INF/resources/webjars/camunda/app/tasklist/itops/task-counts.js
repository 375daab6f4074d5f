// A Tasklist filter's count stops at 1000: the suite answers 1001 for a filter with more tasks than that
// (platform/FilterCountLimit.java), which Tasklist would show as an exact number next to the filter's name and in
// its task search. This script of Tasklist's configuration (customScripts) shows it as "1000+" in both places, and
// again whenever Tasklist writes it anew. It changes the text node Tasklist binds the count to, so that Tasklist's
// next count still lands in it.
const MORE = '1001';
const SHOWN = '1000+';
// the count beside the chosen filter, and the number of results of the task search above the list
const COUNTS = '.counter, .total-results';

function showWithin(root) {
  const counters = root.matches && root.matches(COUNTS) ? [root]
    : root.querySelectorAll ? root.querySelectorAll(COUNTS) : [];
  for (const counter of counters) {
    for (const node of counter.childNodes) {
      if (node.nodeType === Node.TEXT_NODE && node.data.trim() === MORE) {
        node.data = node.data.replace(MORE, SHOWN);
      }
    }
  }
}

new MutationObserver((mutations) => {
  for (const mutation of mutations) {
    const target = mutation.target.nodeType === Node.TEXT_NODE ? mutation.target.parentElement : mutation.target;
    if (target) {
      showWithin(target);
    }
  }
}).observe(document.documentElement, {childList: true, subtree: true, characterData: true});

// a script of customScripts is a plugin module: this one adds no plugin, it only watches the counts
export default [];
