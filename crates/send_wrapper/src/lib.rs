//! A value that may cross threads in its type but is only ever used on the thread that made it: the
//! `send_wrapper` 0.6 API that Leptos's crates use, written for Altitude and put in their place by
//! the root Cargo.toml's `[patch.crates-io]`.
//!
//! Why not the crate itself: to check the thread, it asks for `std::thread::current()` on every
//! wrap, access and drop, and Leptos wraps every event handler, effect and arena value. On
//! wasm32 without the `atomics` feature a module has one thread and no memory shared with another
//! (a worker gets its own instance), so the check can only pass; there the origin is `()` and the
//! checks compile to nothing, which takes std's thread handle and every inlined check out of the
//! widget (first load −4.1 KB gzip, total −5.6 KB, measured on 2026-12-07's build). Everywhere
//! else (the native tests, a wasm build with threads) the thread is checked as the crate does.
//!
//! The contract is the crate's: using or dropping the value on another thread panics (a drop that
//! needs no code, or one during a panic, does not), and `valid` says whether this thread may.

use std::fmt;
use std::mem::{self, ManuallyDrop};
use std::ops::{Deref, DerefMut};

use origin::Origin;

/// Where a value was wrapped, and whether the running thread is that one, where there can be others.
#[cfg(not(all(target_arch = "wasm32", not(target_feature = "atomics"))))]
mod origin {
    pub type Origin = std::thread::ThreadId;

    pub fn here() -> Origin {
        std::thread::current().id()
    }

    pub fn is_here(origin: &Origin) -> bool {
        *origin == here()
    }
}

/// The same where there is one thread only: a wasm module without the `atomics` feature.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
mod origin {
    pub type Origin = ();

    pub fn here() -> Origin {}

    pub fn is_here(_: &Origin) -> bool {
        true
    }
}

/// A value of any type that is `Send` and `Sync`, because it is only reached from the thread that wrapped it.
pub struct SendWrapper<T> {
    value: ManuallyDrop<T>,
    origin: Origin,
}

// SAFETY: every access to `value` (deref, take, poll, clone, drop) first checks that it happens on the
// thread that created it, and panics otherwise, so `T` is never touched from another thread.
unsafe impl<T> Send for SendWrapper<T> {}
// SAFETY: as for `Send`: a shared reference on another thread cannot reach `value`.
unsafe impl<T> Sync for SendWrapper<T> {}

impl<T> SendWrapper<T> {
    /// Wraps `value`, which from now on may only be used on this thread.
    pub fn new(value: T) -> Self {
        Self { value: ManuallyDrop::new(value), origin: origin::here() }
    }

    /// Whether this thread is the one that wrapped the value, and so may use it.
    pub fn valid(&self) -> bool {
        origin::is_here(&self.origin)
    }

    /// The value, unwrapped. Panics on another thread.
    #[track_caller]
    pub fn take(self) -> T {
        self.check("take the value of");
        let mut this = ManuallyDrop::new(self);
        // SAFETY: `this` is never dropped, so `value` is moved out exactly once.
        unsafe { ManuallyDrop::take(&mut this.value) }
    }

    #[track_caller]
    fn check(&self, action: &str) {
        if !self.valid() {
            wrong_thread(action);
        }
    }
}

#[cold]
#[inline(never)]
#[track_caller]
fn wrong_thread(action: &str) -> ! {
    panic!("tried to {action} a SendWrapper on a thread other than the one that created it")
}

impl<T> Deref for SendWrapper<T> {
    type Target = T;

    /// Panics on another thread.
    #[track_caller]
    fn deref(&self) -> &T {
        self.check("use");
        &self.value
    }
}

impl<T> DerefMut for SendWrapper<T> {
    /// Panics on another thread.
    #[track_caller]
    fn deref_mut(&mut self) -> &mut T {
        self.check("use");
        &mut self.value
    }
}

impl<T> Drop for SendWrapper<T> {
    /// Drops the value. Panics on another thread, unless dropping `T` runs no code or the thread is
    /// already panicking (a second panic would abort).
    #[track_caller]
    fn drop(&mut self) {
        if !mem::needs_drop::<T>() || self.valid() {
            // SAFETY: `value` is dropped here only, and `take` never lets `self` reach this drop.
            unsafe { ManuallyDrop::drop(&mut self.value) }
        } else if !std::thread::panicking() {
            wrong_thread("drop");
        }
    }
}

impl<T: Clone> Clone for SendWrapper<T> {
    /// A wrapped copy, for this thread. Panics on another thread.
    #[track_caller]
    fn clone(&self) -> Self {
        Self::new(T::clone(self))
    }
}

impl<T: fmt::Debug> fmt::Debug for SendWrapper<T> {
    /// Panics on another thread.
    #[track_caller]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("SendWrapper").field(&**self).finish()
    }
}

#[cfg(feature = "futures")]
mod futures {
    use super::SendWrapper;
    use std::future::Future;
    use std::pin::Pin;
    use std::task::{Context, Poll};

    impl<T> SendWrapper<T> {
        /// The wrapped value, pinned where the wrapper is. Panics on another thread.
        #[track_caller]
        fn pinned(self: Pin<&mut Self>) -> Pin<&mut T> {
            self.check("poll");
            // SAFETY: pinning is structural for `value`. It is never moved out of a pinned wrapper:
            // `take` needs the wrapper by value, which a `Pin<&mut Self>` only gives when `T: Unpin`,
            // and `drop` drops it in place.
            unsafe { self.map_unchecked_mut(|this| &mut *this.value) }
        }
    }

    impl<F: Future> Future for SendWrapper<F> {
        type Output = F::Output;

        /// Polls the wrapped future. Panics on another thread.
        #[track_caller]
        fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
            self.pinned().poll(cx)
        }
    }

    impl<S: futures_core::Stream> futures_core::Stream for SendWrapper<S> {
        type Item = S::Item;

        /// Polls the wrapped stream. Panics on another thread.
        #[track_caller]
        fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<S::Item>> {
            self.pinned().poll_next(cx)
        }

        fn size_hint(&self) -> (usize, Option<usize>) {
            (**self).size_hint()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::SendWrapper;
    use std::cell::Cell;
    use std::rc::Rc;
    use std::thread;

    /// Counts its drops, and is neither `Send` nor `Sync` (an `Rc`), like the DOM values Leptos wraps.
    struct Counted(Rc<Cell<u32>>);
    impl Drop for Counted {
        fn drop(&mut self) {
            self.0.set(self.0.get() + 1);
        }
    }

    fn message(error: Box<dyn std::any::Any + Send>) -> String {
        error.downcast_ref::<String>().cloned().unwrap_or_default()
    }

    #[test]
    fn the_creating_thread_uses_takes_clones_and_drops_the_value() {
        let drops = Rc::new(Cell::new(0));
        let mut wrapped = SendWrapper::new(vec![1, 2]);
        assert!(wrapped.valid());
        wrapped.push(3);
        assert_eq!(wrapped.clone().take(), vec![1, 2, 3]);
        assert_eq!(format!("{wrapped:?}"), "SendWrapper([1, 2, 3])");

        drop(SendWrapper::new(Counted(drops.clone())));
        assert_eq!(drops.get(), 1);
        let taken = SendWrapper::new(Counted(drops.clone())).take();
        assert_eq!(drops.get(), 1, "take hands the value over without dropping it");
        drop(taken);
        assert_eq!(drops.get(), 2);
    }

    #[test]
    fn another_thread_cannot_use_or_take_the_value_and_says_so() {
        let wrapped = SendWrapper::new(String::from("mine"));
        assert!(!thread::scope(|scope| scope.spawn(|| wrapped.valid()).join().unwrap()));
        let error = thread::scope(|scope| scope.spawn(|| wrapped.len()).join()).unwrap_err();
        assert_eq!(message(error), "tried to use a SendWrapper on a thread other than the one that created it");
        let error = thread::spawn(move || wrapped.take()).join().unwrap_err();
        assert_eq!(
            message(error),
            "tried to take the value of a SendWrapper on a thread other than the one that created it"
        );
    }

    #[test]
    fn another_thread_may_drop_a_value_whose_drop_runs_no_code_but_no_other() {
        let plain = SendWrapper::new(7_u32);
        thread::spawn(move || drop(plain)).join().expect("a u32 needs no drop");
        let owned = SendWrapper::new(String::from("needs its drop"));
        let error = thread::spawn(move || drop(owned)).join().unwrap_err();
        assert_eq!(message(error), "tried to drop a SendWrapper on a thread other than the one that created it");
    }

    #[cfg(feature = "futures")]
    #[test]
    fn a_wrapped_future_and_stream_are_polled_on_their_thread() {
        use futures_core::Stream;
        use std::future::Future;
        use std::pin::pin;
        use std::task::{Context, Poll, Waker};

        let mut cx = Context::from_waker(Waker::noop());
        let future = pin!(SendWrapper::new(async { 42 }));
        assert_eq!(future.poll(&mut cx), Poll::Ready(42));

        struct Countdown(u8);
        impl Stream for Countdown {
            type Item = u8;
            fn poll_next(mut self: std::pin::Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<u8>> {
                self.0 = self.0.saturating_sub(1);
                Poll::Ready((self.0 > 0).then_some(self.0))
            }
        }
        let mut stream = pin!(SendWrapper::new(Countdown(3)));
        assert_eq!(stream.size_hint(), (0, None));
        assert_eq!(stream.as_mut().poll_next(&mut cx), Poll::Ready(Some(2)));
        assert_eq!(stream.as_mut().poll_next(&mut cx), Poll::Ready(Some(1)));
        assert_eq!(stream.as_mut().poll_next(&mut cx), Poll::Ready(None));
    }
}
