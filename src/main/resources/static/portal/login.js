// The login of the portal's pages (the portal, the what-if): the suite's session login (POST /portal/login), the
// same form on both.

import { call, useCsrfToken } from './api.js';
import { h, labelled } from './dom.js';

/**
 * The login form, in the texts of t. After a login the session's CSRF token is in use and loggedIn(user) is called;
 * a refused login empties the password, refused(error) shows why, and the password has the focus again. Answers
 * {form, user} (the user field, to focus when the form is shown).
 */
export function loginForm(t, loggedIn, refused) {
  const user = h('input', { type: 'text', autocomplete: 'username', required: true });
  const password = h('input', { type: 'password', autocomplete: 'current-password', required: true });
  const form = h('form', {}, labelled('login-user', t('login.user'), user),
    labelled('login-password', t('login.password'), password),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('login.submit'))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const answer = await call('POST', '/portal/login', { user: user.value, password: password.value });
      useCsrfToken(answer.data.csrfToken);
      loggedIn(answer.data.user);
    } catch (error) {
      password.value = '';
      refused(error);
      password.focus();
    }
  });
  return { form, user };
}
