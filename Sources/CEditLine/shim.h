// Fixed-arity wrappers over libedit's variadic el_set/el_get/history, which Swift cannot call.
#include <stdio.h>
#include <histedit.h>

typedef char *(*lk_prompt_fn)(EditLine *);
typedef unsigned char (*lk_key_fn)(EditLine *, int);

static inline int lk_el_set_prompt_esc(EditLine *e, lk_prompt_fn f, char esc) {
    return el_set(e, EL_PROMPT_ESC, f, esc);
}
static inline int lk_el_set_editor(EditLine *e, const char *mode) { return el_set(e, EL_EDITOR, mode); }
static inline int lk_el_set_signal(EditLine *e, int on) { return el_set(e, EL_SIGNAL, on); }
static inline int lk_el_set_history(EditLine *e, History *h) { return el_set(e, EL_HIST, history, h); }
static inline int lk_el_set_clientdata(EditLine *e, void *data) { return el_set(e, EL_CLIENTDATA, data); }
static inline void *lk_el_get_clientdata(EditLine *e) {
    void *data = NULL;
    el_get(e, EL_CLIENTDATA, &data);
    return data;
}
static inline int lk_el_add_function(EditLine *e, const char *name, const char *help, lk_key_fn f) {
    return el_set(e, EL_ADDFN, name, help, f);
}
static inline int lk_el_bind(EditLine *e, const char *key, const char *function) {
    return el_set(e, EL_BIND, key, function, NULL);
}
/// Frees Ctrl-C from the terminal's interrupt while editing, so a key binding can take it.
/// libedit sets up its terminal modes lazily and would overwrite the change then, so the
/// terminal is prepared first and the change made while in edit mode.
static inline int lk_el_release_interrupt_key(EditLine *e) {
    el_set(e, EL_PREP_TERM, 1);
    int result = el_set(e, EL_SETTY, "-d", "intr=", NULL);
    el_set(e, EL_PREP_TERM, 0);
    return result;
}
static inline History *lk_history_init(void) { return history_init(); }
static inline int lk_history_set_size(History *h, int size) {
    HistEvent ev;
    return history(h, &ev, H_SETSIZE, size);
}
static inline int lk_history_set_unique(History *h, int on) {
    HistEvent ev;
    return history(h, &ev, H_SETUNIQUE, on);
}
static inline int lk_history_enter(History *h, const char *line) {
    HistEvent ev;
    return history(h, &ev, H_ENTER, line);
}
