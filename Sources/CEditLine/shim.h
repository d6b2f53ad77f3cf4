// libedit through its readline-compatible API, plus setters for the mutable globals
// that Swift 6 cannot assign safely. Always <editline/readline.h>, never GNU's <readline.h>.
#ifndef INFLUXKIT_CEDITLINE_SHIM_H
#define INFLUXKIT_CEDITLINE_SHIM_H

#include <stdio.h>
#include <editline/readline.h>

typedef char **(*ik_completion_function)(const char *text, int start, int end);

static inline void ik_rl_set_completion_function(ik_completion_function function) {
    rl_attempted_completion_function = function;
}

static inline void ik_rl_set_instream(FILE *stream) {
    rl_instream = stream;
}

static inline int ik_history_stifle(int max) {
    stifle_history(max);
    return 0;
}

static inline void ik_rl_set_attempted_completion_over(int value) {
    rl_attempted_completion_over = value;
}

static inline void ik_rl_set_completion_append_character(int value) {
    rl_completion_append_character = value;
}

static inline void ik_rl_set_readline_name(const char *name) {
    rl_readline_name = name;
}

static inline const char *ik_rl_line_buffer(void) {
    return rl_line_buffer;
}

#endif
