// libedit's readline-compatible API, opened with dlopen the first time the interactive shell
// needs it (every other command starts without loading libedit and the four libraries it
// needs). Only functions with plain C types here: libedit's own header stays in shim.c, so
// Swift cannot call libedit directly (it is not linked, the call would not resolve).
//
// The table of pointers lives in shim.c, never in a header: a release build compiles a module's
// Swift files into separate LLVM modules (whole-module, -num-threads), each with its own copy
// of a header's `static` data. A copy that only reads the table is all null to the optimiser; a
// call through it became `unreachable`, and the shell ran on into the next function after its
// banner (docs/profiles.md, start-up).
#ifndef INFLUXKIT_CEDITLINE_H
#define INFLUXKIT_CEDITLINE_H

/// The completion function libedit calls on Tab: the matches for `text`, the word between
/// `start` and `end` of the line (rl_completion_func_t).
typedef char **(*ik_completion_function)(const char *text, int start, int end);

/// Opens libedit and finds every function and global the shell uses; 0 when all were found,
/// else -1 and `ik_edit_error` says why. Later calls return the first call's result.
int ik_edit_open(void);

/// Why `ik_edit_open` failed (the loader's message), or NULL.
const char *ik_edit_error(void);

// libedit's functions, valid after `ik_edit_open` returned 0.
char *ik_readline(const char *prompt);
int ik_rl_initialize(void);
int ik_add_history(const char *line);
void ik_clear_history(void);

// libedit's globals, set and read through these (Swift 6 cannot assign mutable C globals safely).
void ik_rl_set_completion_function(ik_completion_function function);
void ik_rl_set_attempted_completion_over(int value);
void ik_rl_set_completion_append_character(int value);
void ik_rl_set_readline_name(const char *name);
const char *ik_rl_line_buffer(void);

#endif
