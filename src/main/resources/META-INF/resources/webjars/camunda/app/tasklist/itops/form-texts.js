// Tasklist's forms in Chinese down to form-js's own words. form-js, the form renderer bundled in Tasklist 7.24,
// writes a few texts of its own ("Select", "Search", its validation messages) as literals, which neither Tasklist's
// locale files nor the form schema reach. For a browser whose first language is Chinese (as the webapps choose
// theirs), this script of Tasklist's configuration (customScripts) rewrites them wherever a form shows them, and again
// whenever form-js draws them anew.
const WORDS = {
  'Select': '请选择',
  'Search': '搜索',
  'Remove tag': '移除标签',
  'Field is required.': '此项为必填项。',
  'Field must be a valid email.': '请输入有效的电子邮件地址。',
  'Field must be a valid  international phone number. (e.g. +4930664040900)':
    '请输入有效的国际电话号码（例如 +4930664040900）。'
};
const PATTERNS = [
  [/^Field must have minimum length of (.+)\.$/, '长度至少为 $1 个字符。'],
  [/^Field must have maximum length of (.+)\.$/, '长度最多为 $1 个字符。'],
  [/^Field must have minimum value of (.+)\.$/, '值不能小于 $1。'],
  [/^Field must have maximum value of (.+)\.$/, '值不能大于 $1。'],
  [/^Field must match pattern (.+)\.$/, '格式必须符合 $1。']
];

function chinese() {
  const languages = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
  return (languages[0] || '').toLowerCase().split('-')[0] === 'zh';
}

/** The Chinese of one of form-js's texts; the text itself when it is none of them. */
export function translated(text) {
  const trimmed = text.trim();
  if (Object.prototype.hasOwnProperty.call(WORDS, trimmed)) {
    return text.replace(trimmed, WORDS[trimmed]);
  }
  for (const [pattern, chineseText] of PATTERNS) {
    if (pattern.test(trimmed)) {
      return text.replace(trimmed, trimmed.replace(pattern, chineseText));
    }
  }
  return text;
}

function translateWithin(root) {
  const forms = root.closest && root.closest('.fjs-container') ? [root] : root.querySelectorAll
    ? root.querySelectorAll('.fjs-container') : [];
  for (const form of forms) {
    const walker = document.createTreeWalker(form, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = translated(node.data);
      if (text !== node.data) {
        node.data = text;
      }
    }
    for (const element of form.querySelectorAll('[placeholder], [title]')) {
      for (const attribute of ['placeholder', 'title']) {
        const value = element.getAttribute(attribute);
        if (value && translated(value) !== value) {
          element.setAttribute(attribute, translated(value));
        }
      }
    }
  }
}

if (chinese()) {
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      const target = mutation.target.nodeType === Node.TEXT_NODE ? mutation.target.parentElement : mutation.target;
      if (target) {
        translateWithin(target);
      }
    }
  }).observe(document.documentElement, {childList: true, subtree: true, characterData: true, attributes: true,
    attributeFilter: ['placeholder', 'title']});
}

// a script of customScripts is a plugin module: this one adds no plugin, it only watches the forms
export default [];
