//! The counting allocator: the global allocator of this test binary, and
//! `measure`, which counts what one call allocates on its own thread.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

/// Counts the bytes requested on the current thread while a measurement is
/// on. Thread-local counters keep the tests that run in parallel apart.
struct Counting;

thread_local! {
    static ON: Cell<bool> = const { Cell::new(false) };
    static TOTAL: Cell<usize> = const { Cell::new(0) };
    static LIVE: Cell<isize> = const { Cell::new(0) };
    static PEAK: Cell<isize> = const { Cell::new(0) };
    static LARGEST: Cell<usize> = const { Cell::new(0) };
}

fn note_alloc(size: usize) {
    let _ = ON.try_with(|on| {
        if on.get() {
            TOTAL.with(|t| t.set(t.get() + size));
            LARGEST.with(|l| l.set(l.get().max(size)));
            LIVE.with(|live| {
                let now = live.get() + size as isize;
                live.set(now);
                PEAK.with(|p| p.set(p.get().max(now)));
            });
        }
    });
}

fn note_free(size: usize) {
    let _ = ON.try_with(|on| {
        if on.get() {
            LIVE.with(|live| live.set(live.get() - size as isize));
        }
    });
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        note_alloc(layout.size());
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        note_alloc(layout.size());
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        note_free(layout.size());
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        note_free(layout.size());
        note_alloc(new_size);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// What one measured call allocated.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Allocated {
    /// Bytes requested in all (a `realloc` counts its new size).
    pub(crate) total: usize,
    /// Most bytes live at once, counting only what the call allocated.
    pub(crate) peak: usize,
    /// The largest single request.
    pub(crate) largest: usize,
}

/// Runs `f`, counting what it allocates on this thread. The result is
/// dropped after the measurement ends.
pub(crate) fn measure<R>(f: impl FnOnce() -> R) -> (R, Allocated) {
    TOTAL.with(|t| t.set(0));
    LIVE.with(|l| l.set(0));
    PEAK.with(|p| p.set(0));
    LARGEST.with(|l| l.set(0));
    ON.with(|on| on.set(true));
    let result = std::hint::black_box(f());
    ON.with(|on| on.set(false));
    let allocated = Allocated {
        total: TOTAL.with(Cell::get),
        peak: PEAK.with(Cell::get).max(0) as usize,
        largest: LARGEST.with(Cell::get),
    };
    (result, allocated)
}

/// The bound: at most 16 bytes allocated per input byte, plus
/// 1 KiB for the error and its path.
pub(crate) fn bound(input_len: usize) -> usize {
    16 * input_len + 1024
}

/// What a failed decode may allocate: the boxed error and a few path
/// segments.
pub(crate) const ERROR_ONLY: usize = 512;
