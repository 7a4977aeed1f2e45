import CCmark

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Memory for one cmark parse, handed out from large blocks and given back all at once when the tree has been
/// copied, instead of one `malloc` and one `free` for each node and buffer.
///
/// cmark's allocator hooks take no context: they are C (`ccmark_arena_memory` in the CCmark shim) and bump a
/// pointer through the free space of the block in the thread's `ccmark_arena_state`, set only while
/// ``withArena(_:)`` runs (a parse never leaves its thread). Only when a block is full do they call back here, for
/// the next block. Each thread keeps its arena, with its first few blocks, for its next parse: a block is as large
/// as the allocator's threshold for pages of their own, so a block freed and allocated again for every note would
/// be pages mapped, faulted in and unmapped for every note.
final class CmarkArena {
    /// The blocks of ``blockSize`` handed out from, in order; the first ``blocksKept`` outlive a parse.
    private var blocks: [UnsafeMutableRawPointer] = []
    /// How many of `blocks` this parse has handed out from.
    private var used = 0
    /// The blocks of single large requests, freed after each parse.
    private var large: [UnsafeMutableRawPointer] = []
    /// Whether a parse is using the arena.
    private var inUse = false

    /// The size of a block; larger requests get a block of their own.
    private static let blockSize = 1 << 16
    /// How many blocks an arena keeps from one parse to the next (a note of a few kilobytes needs one or two).
    private static let blocksKept = 2
    /// The bytes before each allocation, which hold its size.
    private static let header = Int(CCMARK_ARENA_HEADER)

    deinit {
        for block in blocks { free(block) }
        for block in large { free(block) }
    }

    /// `size` bytes when the free space of the current block in `state` is too small for them: a block of their
    /// own for a large request (the current block stays current), otherwise the next block, made current.
    private func refill(_ size: Int, _ state: UnsafeMutablePointer<ccmark_arena_state>) -> UnsafeMutableRawPointer {
        let total = ccmark_arena_footprint(size)
        if total > Self.blockSize / 4 {
            let block = allocateBlock(total)
            large.append(block)
            block.storeBytes(of: size, as: Int.self)
            return block + Self.header
        }
        if used == blocks.count { blocks.append(allocateBlock(Self.blockSize)) }
        state.pointee.next = blocks[used].assumingMemoryBound(to: UInt8.self)
        state.pointee.remaining = Self.blockSize
        used += 1
        guard let taken = ccmark_arena_take(size) else { preconditionFailure("cmark arena block too small") }
        return taken
    }

    private func allocateBlock(_ size: Int) -> UnsafeMutableRawPointer {
        guard let block = malloc(size) else { preconditionFailure("out of memory for cmark (\(size) bytes)") }
        return block
    }

    /// Gives back what the parse took: large blocks and blocks past ``blocksKept`` are freed, the others kept empty.
    private func reset() {
        for block in large { free(block) }
        large.removeAll(keepingCapacity: true)
        while blocks.count > Self.blocksKept { free(blocks.removeLast()) }
        used = 0
    }

    /// Runs `body` with cmark allocator hooks that hand out from this thread's arena, then gives everything back at
    /// once.
    static func withArena<Result>(_ body: (UnsafeMutablePointer<cmark_mem>) throws -> Result) rethrows -> Result {
        let arena: CmarkArena
        if let kept = pthread_getspecific(keptKey), !Unmanaged<CmarkArena>.fromOpaque(kept).takeUnretainedValue().inUse
        {
            arena = Unmanaged<CmarkArena>.fromOpaque(kept).takeUnretainedValue()
        } else {
            arena = CmarkArena()
            // The thread's first arena is kept (retained by the slot, released when the thread ends).
            if pthread_getspecific(keptKey) == nil {
                pthread_setspecific(keptKey, Unmanaged.passRetained(arena).toOpaque())
            }
        }
        arena.inUse = true
        guard let state = ccmark_arena_state_of_thread(), let memory = ccmark_arena_memory() else {
            preconditionFailure("no cmark arena state")
        }
        // (A parse within a parse, which nothing does, would find the outer one's state restored after it.)
        let outer = state.pointee
        state.pointee = ccmark_arena_state(
            next: nil,
            remaining: 0,
            last: nil,
            refill: { size in
                guard let state = ccmark_arena_state_of_thread(), let owner = state.pointee.owner else {
                    preconditionFailure("cmark arena state without its arena")
                }
                // (The arena is lent without a retain and a release: `withArena` holds it until cmark is done.)
                return Unmanaged<CmarkArena>.fromOpaque(owner)._withUnsafeGuaranteedRef { $0.refill(size, state) }
            },
            owner: Unmanaged.passUnretained(arena).toOpaque()
        )
        defer {
            state.pointee = outer
            arena.reset()
            arena.inUse = false
        }
        return try body(memory)
    }
}

/// The thread-specific slot of the arena each thread keeps between parses, released when the thread ends.
private let keptKey: pthread_key_t = {
    var key = pthread_key_t()
    let created = pthread_key_create(&key) { pointer in
        // (Optional on Glibc, not on Darwin.)
        guard let pointer = pointer as UnsafeMutableRawPointer? else { return }
        Unmanaged<CmarkArena>.fromOpaque(pointer).release()
    }
    guard created == 0 else { preconditionFailure("pthread_key_create failed") }
    return key
}()
