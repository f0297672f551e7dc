//! The wasm heap: dlmalloc (the allocator of Rust's standard library on wasm32), growing
//! the memory in large steps.
//!
//! The standard library's dlmalloc asks `memory.grow` for exactly what one allocation lacks,
//! a page or so at a time; each growth of a large memory costs V8 a full garbage collection,
//! which made the first big call of a fresh process many times slower than the second
//! (growing to 300 MB a page at a time took 32 s in Node 20, in 16 MB steps 13 ms). Here every
//! growth is at least half the memory there is already (geometric, so a memory of N bytes
//! took O(log N) growths), at least [`MIN_STEP`] and at most [`MAX_STEP`] beyond what is
//! asked, so a small isolate does not jump far past what it needs. [`reserve`] grows once for
//! a whole call before it starts.

use core::alloc::{GlobalAlloc, Layout};
use core::arch::wasm32;
use dlmalloc::{Allocator, Dlmalloc};

/// The smallest growth: 1 MiB.
const MIN_STEP: usize = 1 << 20;
/// The largest growth beyond what an allocation asks: 64 MiB.
const MAX_STEP: usize = 64 << 20;
const PAGE: usize = 64 * 1024;

/// The system side of dlmalloc: wasm memory, grown in steps.
struct Steps;

// SAFETY: as dlmalloc's own wasm system allocator: regions come from `memory.grow`, are never
// given back, and are zeroed (fresh wasm pages are).
unsafe impl Allocator for Steps {
    fn alloc(&self, size: usize) -> (*mut u8, usize, u32) {
        let memory = wasm32::memory_size(0) * PAGE;
        let step = (memory / 2).clamp(MIN_STEP, MAX_STEP);
        let pages = size.saturating_add(step).div_ceil(PAGE);
        let previous = wasm32::memory_grow(0, pages);
        if previous == usize::MAX {
            return (core::ptr::null_mut(), 0, 0);
        }
        let base = previous * PAGE;
        let size = pages * PAGE;
        // A region that ends at the top of the address space would make its end pointer wrap
        // to 0; leave its last bytes out, as dlmalloc's own wasm allocator does.
        let size = match base.wrapping_add(size) {
            0 => size - 16,
            _ => size,
        };
        (base as *mut u8, size, 0)
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
unsafe impl GlobalAlloc for Heap {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        (*core::ptr::addr_of_mut!(DLMALLOC)).malloc(layout.size(), layout.align())
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        (*core::ptr::addr_of_mut!(DLMALLOC)).free(ptr, layout.size(), layout.align())
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        (*core::ptr::addr_of_mut!(DLMALLOC)).calloc(layout.size(), layout.align())
    }

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
