// libedit through dlopen: one pointer per function or global the shell uses, each typed from
// libedit's own declaration (`__typeof__`), so no prototype is written by hand (variadic ones
// included). Always <editline/readline.h>, never GNU's <readline.h>.
#include "CEditLine.h"

#include <dlfcn.h>
#include <stdio.h>
#include <editline/readline.h>

#if defined(__APPLE__)
#define IK_EDIT_LIBRARY "libedit.3.dylib"
#else
#define IK_EDIT_LIBRARY "libedit.so.2"
#endif

// Every symbol looked up: functions (a pointer to call) and globals (a pointer to the variable).
#define IK_EDIT_SYMBOLS(X) \
    X(readline) \
    X(rl_initialize) \
    X(add_history) \
    X(clear_history) \
    X(rl_attempted_completion_function) \
    X(rl_attempted_completion_over) \
    X(rl_completion_append_character) \
    X(rl_readline_name) \
    X(rl_line_buffer)

#define IK_EDIT_DECLARE(name) __typeof__(name) *name;
static struct {
    IK_EDIT_SYMBOLS(IK_EDIT_DECLARE)
} edit;

static int state;  // 0 not tried, 1 open, -1 failed
static char failure[512];

static int fail(const char *message) {
    snprintf(failure, sizeof failure, "%s", message ? message : IK_EDIT_LIBRARY ": unknown error");
    state = -1;
    return -1;
}

int ik_edit_open(void) {
    if (state != 0) return state == 1 ? 0 : -1;
    void *library = dlopen(IK_EDIT_LIBRARY, RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) return fail(dlerror());
#define IK_EDIT_LOOK_UP(name) \
    edit.name = (__typeof__(edit.name))dlsym(library, #name); \
    if (edit.name == NULL) return fail(dlerror());
    IK_EDIT_SYMBOLS(IK_EDIT_LOOK_UP)
    state = 1;
    return 0;
}

const char *ik_edit_error(void) { return state == -1 ? failure : NULL; }

char *ik_readline(const char *prompt) { return edit.readline(prompt); }
int ik_rl_initialize(void) { return edit.rl_initialize(); }
int ik_add_history(const char *line) { return edit.add_history(line); }
void ik_clear_history(void) { edit.clear_history(); }

void ik_rl_set_completion_function(ik_completion_function function) {
    *edit.rl_attempted_completion_function = function;
}
void ik_rl_set_attempted_completion_over(int value) { *edit.rl_attempted_completion_over = value; }
void ik_rl_set_completion_append_character(int value) { *edit.rl_completion_append_character = value; }
void ik_rl_set_readline_name(const char *name) { *edit.rl_readline_name = name; }
const char *ik_rl_line_buffer(void) { return *edit.rl_line_buffer; }
