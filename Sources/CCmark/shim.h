#ifndef CCMARK_SHIM_H
#define CCMARK_SHIM_H
#include <cmark.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// The fast path of the arena a cmark parse takes its memory from (CmarkArena.swift keeps the blocks).
//
// cmark's allocator hooks take no context, so each thread has its state in a thread-local variable, and the hooks
// bump a pointer through the free space of the current block; when the block is full they call `refill`, which
// the arena sets.

/// Each allocation starts with its size, in a header that keeps the allocation 16-byte aligned.
#define CCMARK_ARENA_HEADER 16

/// The free space of the block this thread's parse allocates from.
typedef struct ccmark_arena_state {
    /// Where the free space starts, and how many bytes it holds.
    unsigned char *next;
    size_t remaining;
    /// Where the last allocation (its header) starts, so that growing it can be done in place.
    unsigned char *last;
    /// The `size` bytes asked for when the free space is too small, taken from a new block.
    void *(*refill)(size_t size);
    /// The arena that owns the blocks, for `refill`.
    void *owner;
} ccmark_arena_state;

/// This thread's arena state.
///
/// (A static in a function: Swift emits the functions of a header it uses, not its variables. Weak, not static, so
/// that the copies emitted with each Swift file that uses it are one function, with one state, once linked.)
__attribute__((weak)) ccmark_arena_state *ccmark_arena_state_of_thread(void) {
    static _Thread_local ccmark_arena_state state;
    return &state;
}

/// Ends the process with `message`: the arena cannot go on, and cmark's hooks have no way to report a failure.
static inline void ccmark_arena_fail(const char *message) {
    fprintf(stderr, "minutes: %s\n", message);
    abort();
}

/// The bytes an allocation of `size` takes in a block, header included.
static inline size_t ccmark_arena_footprint(size_t size) {
    if (size > SIZE_MAX - 2 * CCMARK_ARENA_HEADER) ccmark_arena_fail("cmark asked for more memory than can be addressed");
    return (size + CCMARK_ARENA_HEADER + 15) & ~(size_t)15;
}

/// `size` bytes after a header holding `size`, from the free space of the current block, or from `refill`.
static inline void *ccmark_arena_take(size_t size) {
    ccmark_arena_state *state = ccmark_arena_state_of_thread();
    size_t total = ccmark_arena_footprint(size);
    if (total > state->remaining) {
        // (No refill: cmark allocated outside `CmarkArena.withArena`.)
        if (state->refill == NULL) ccmark_arena_fail("cmark allocated outside an arena");
        return state->refill(size);
    }
    unsigned char *start = state->next;
    *(size_t *)start = size;
    state->next = start + total;
    state->remaining -= total;
    state->last = start;
    return start + CCMARK_ARENA_HEADER;
}

/// cmark's `calloc`: zeroed one allocation at a time, since most of a block is often never used.
static inline void *ccmark_arena_calloc(size_t count, size_t size) {
    size_t bytes;
    if (__builtin_mul_overflow(count, size, &bytes)) abort();
    return memset(ccmark_arena_take(bytes), 0, bytes);
}

/// cmark's `realloc`: the last allocation grows into the free space after it; others move.
static inline void *ccmark_arena_realloc(void *pointer, size_t size) {
    if (pointer == NULL) return ccmark_arena_take(size);
    unsigned char *start = (unsigned char *)pointer - CCMARK_ARENA_HEADER;
    size_t old = *(size_t *)start;
    if (size <= old) return pointer;
    ccmark_arena_state *state = ccmark_arena_state_of_thread();
    size_t growth = ccmark_arena_footprint(size) - ccmark_arena_footprint(old);
    if (start == state->last && growth <= state->remaining) {
        *(size_t *)start = size;
        state->next += growth;
        state->remaining -= growth;
        return pointer;
    }
    void *moved = ccmark_arena_take(size);
    memcpy(moved, pointer, old);
    return moved;
}

/// cmark's `free`: nothing, as the arena gives everything back at once.
static inline void ccmark_arena_free(void *pointer) { (void)pointer; }

/// cmark's allocator hooks over this thread's arena; cmark keeps this address in every node, so it never moves.
/// (Weak for one copy, as for the state.)
__attribute__((weak)) cmark_mem *ccmark_arena_memory(void) {
    static cmark_mem memory = {ccmark_arena_calloc, ccmark_arena_realloc, ccmark_arena_free};
    return &memory;
}

#endif
