//! The wasm heap: dlmalloc (the allocator of Rust's standard library on wasm32), growing
//! the memory in large steps.
//!
//! The standard library's dlmalloc asks `memory.grow` for exactly what one allocation lacks,
//! a page or so at a time; each growth of a large memory costs V8 a full garbage collection,
//! which made the first big call of a fresh process many times slower than the second
//! (growing to 300 MB a page at a time took 32 s in Node 20, in 16 MB steps 13 ms). Here every
//! growth adds, beyond what is asked, a quarter of the memory there is already (at least
//! [`MIN_STEP`]): geometric, so a memory of N bytes took O(log N) growths at every size, and
//! at most a quarter more than the call needed. When that much does not fit under the 4 GiB
//! of wasm32, the memory grows to all of it at once, so a call near the top fails only when it
//! needs more than there is, and quickly. [`reserve`] grows once for a whole call before it
//! starts. Measured against a half (the first version, capped at 64 MiB) and against the
//! standard library's growth: bench/README.md, "First call and second call".

use core::alloc::{GlobalAlloc, Layout};
use core::arch::wasm32;
use dlmalloc::{Allocator, Dlmalloc};

/// The smallest growth beyond what an allocation asks: 1 MiB.
const MIN_STEP: usize = 1 << 20;
/// Each growth adds the memory there is over this, beyond what is asked: a quarter.
const STEP_DIVISOR: usize = 4;
const PAGE: usize = 64 * 1024;
/// The most pages a wasm32 memory has: 4 GiB.
const MAX_PAGES: usize = 1 << 16;

/// The smallest memory, in pages, that a growth failed to reach: none that large is tried again.
static mut FAILED: usize = usize::MAX;

/// The system side of dlmalloc: wasm memory, grown in steps.
struct Steps;

// SAFETY: as dlmalloc's own wasm system allocator: regions come from `memory.grow`, are never
// given back, and are zeroed (fresh wasm pages are).
unsafe impl Allocator for Steps {
    fn alloc(&self, size: usize) -> (*mut u8, usize, u32) {
        // SAFETY: one thread (see `Heap`), and only this function touches FAILED.
        let failed = unsafe { &mut *core::ptr::addr_of_mut!(FAILED) };
        // In pages: at 4 GiB the memory's size in bytes does not fit a wasm32 `usize`.
        let memory = wasm32::memory_size(0);
        let step = (memory / STEP_DIVISOR).max(MIN_STEP / PAGE);
        let least = size.div_ceil(PAGE);
        // The allocation and a step; else all that is left of the 4 GiB (near the top, growing
        // by the allocation alone would go a page or so at a time again, each growth a full
        // garbage collection: minutes for a call that ran out of memory); else, under an
        // engine that allows less, the allocation alone. The rest may be less than the
        // allocation and still do: dlmalloc asks for a whole allocation even when its free top
        // chunk holds part of it, and merges a growth next to that chunk into it.
        let rest = MAX_PAGES.saturating_sub(memory);
        for pages in [least.saturating_add(step), rest, least] {
            // Memory never shrinks: a size that failed once fails again.
            if pages == 0 || memory.saturating_add(pages) >= *failed {
                continue;
            }
            let previous = wasm32::memory_grow(0, pages);
            if previous == usize::MAX {
                *failed = memory.saturating_add(pages);
                continue;
            }
            let base = previous * PAGE;
            let size = pages * PAGE;
            // A region that ends at the top of the address space would make its end pointer
            // wrap to 0; leave its last bytes out, as dlmalloc's own wasm allocator does.
            let size = match base.wrapping_add(size) {
                0 => size - 16,
                _ => size,
            };
            return (base as *mut u8, size, 0);
        }
        (core::ptr::null_mut(), 0, 0)
    }

    fn remap(&self, _: *mut u8, _: usize, _: usize, _: bool) -> *mut u8 {
        core::ptr::null_mut()
    }

    fn free_part(&self, _: *mut u8, _: usize, _: usize) -> bool {
        false
    }

    fn free(&self, _: *mut u8, _: usize) -> bool {
        false
    }

    fn can_release_part(&self, _: u32) -> bool {
        false
    }

    fn allocates_zeros(&self) -> bool {
        true
    }

    fn page_size(&self) -> usize {
        PAGE
    }
}

/// The module's global allocator.
struct Heap;

static mut DLMALLOC: Dlmalloc<Steps> = Dlmalloc::new_with_allocator(Steps);

#[global_allocator]
static HEAP: Heap = Heap;

// SAFETY: wasm32-unknown-unknown without the atomics feature runs one thread, so the one
// dlmalloc is never entered twice at once; each method is dlmalloc's own, called as the
// standard library's wasm allocator calls it.
//
// Not inlined: with LTO each method took its own copy of dlmalloc's malloc and free into the
// allocation shims (29 KB of wasm, 4.9 KB gzipped; bench/README.md, "Size"), for no
// measurable speed.
unsafe impl GlobalAlloc for Heap {
    #[inline(never)]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        (*core::ptr::addr_of_mut!(DLMALLOC)).malloc(layout.size(), layout.align())
    }

    #[inline(never)]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        (*core::ptr::addr_of_mut!(DLMALLOC)).free(ptr, layout.size(), layout.align())
    }

    #[inline(never)]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        (*core::ptr::addr_of_mut!(DLMALLOC)).calloc(layout.size(), layout.align())
    }

    #[inline(never)]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        (*core::ptr::addr_of_mut!(DLMALLOC)).realloc(ptr, layout.size(), layout.align(), new_size)
    }
}

/// Makes room for about `bytes` of allocations in one growth, before a call that will need
/// them: a block of that size is taken and given back, so the memory grows once and the
/// call's allocations find it free. Nothing happens when it does not fit; the call then
/// grows the memory itself, and fails as it would have.
pub(crate) fn reserve(bytes: usize) {
    let mut block: Vec<u8> = Vec::new();
    let _ = block.try_reserve_exact(bytes);
}
