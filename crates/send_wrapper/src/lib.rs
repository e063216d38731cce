//! A value that may cross threads in its type but is only ever used on the thread that made it: the
//! `send_wrapper` 0.6 API that Leptos's crates use, written for Altitude and put in their place by
//! the root Cargo.toml's `[patch.crates-io]`.
//!
//! Why not the crate itself: to check the thread, it asks for `std::thread::current()` on every
//! wrap, access and drop, and Leptos wraps every event handler, effect and arena value. On
//! wasm32 without the `atomics` feature a module has one thread and no memory shared with another
//! (a worker gets its own instance), so the check can only pass; there the origin is `()` and the
//! checks compile to nothing, which takes std's thread handle and every inlined check out of the
//! widget (first load −4.1 KB gzip, total −5.9 KB, measured on 2026-12-07's build). Everywhere
//! else (the native tests, a wasm build with threads) the thread is checked.
//!
//! The contract is the crate's, but for one case: using the value on another thread panics, and
//! `valid` says whether this thread may. Dropping it there, when dropping `T` runs code, aborts the
//! process where the crate panics or leaks: the value may be a pinned future, whose memory must not be
//! given back without its destructor (the crate's unsoundness, rust-lang/rust#71607).

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

// SAFETY: every access to `value` (deref, take, poll, clone, debug) first checks that it happens on the
// thread that created it, and panics otherwise; a drop on another thread aborts, unless dropping `T`
// runs no code and so cannot touch it. `T` is never reached from another thread.
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
        // Disarmed first, so that the panic on another thread leaks the value rather than dropping it there.
        let mut this = ManuallyDrop::new(self);
        this.check("take the value of");
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

#[cold]
#[inline(never)]
fn wrong_thread_drop() -> ! {
    eprintln!("a SendWrapper was dropped on a thread other than the one that created it; aborting");
    std::process::abort()
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
    /// Drops the value. On another thread, when dropping `T` runs code, aborts the process: neither
    /// dropping it there nor giving its memory back undropped (it may be pinned) would be sound.
    fn drop(&mut self) {
        if !mem::needs_drop::<T>() || self.valid() {
            // SAFETY: `value` is dropped here only, and `take` never lets `self` reach this drop.
            unsafe { ManuallyDrop::drop(&mut self.value) }
        } else {
            wrong_thread_drop();
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
            // SAFETY: pinning is structural for `value`. It is never moved out of a pinned wrapper
            // (`take` needs the wrapper by value, which a `Pin<&mut Self>` only gives when `T: Unpin`),
            // and its memory is never given back without its drop: `drop` drops it in place, or
            // aborts the process on another thread.
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

// Tests never reach the wasm: the root clippy.toml's size rules (which apply to this crate too) are
// not for them.
#[cfg(test)]
#[allow(clippy::disallowed_methods)]
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
    impl std::fmt::Debug for Counted {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            write!(f, "Counted({})", self.0.get())
        }
    }

    impl Clone for Counted {
        fn clone(&self) -> Self {
            Counted(self.0.clone())
        }
    }

    /// The message of a panic that `join` returned.
    fn message(error: Box<dyn std::any::Any + Send>) -> String {
        error.downcast_ref::<String>().cloned().unwrap_or_default()
    }

    fn used_elsewhere(action: &str) -> String {
        format!("tried to {action} a SendWrapper on a thread other than the one that created it")
    }

    #[test]
    fn a_wrapper_is_send_and_sync_whatever_it_holds() {
        fn send_and_sync<T: Send + Sync>() {}
        send_and_sync::<SendWrapper<Rc<Cell<u32>>>>();
        send_and_sync::<SendWrapper<*const u8>>();
    }

    #[test]
    fn the_creating_thread_uses_takes_clones_shows_and_drops_the_value() {
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
    fn another_thread_cannot_use_clone_show_or_take_the_value() {
        let shared = Rc::new(Cell::new(0));
        let wrapped = SendWrapper::new(Counted(shared.clone()));
        let elsewhere = |f: &(dyn Fn() + Sync)| thread::scope(|scope| scope.spawn(f).join());
        assert!(!thread::scope(|scope| scope.spawn(|| wrapped.valid()).join().unwrap()));
        assert_eq!(message(elsewhere(&|| wrapped.0.set(7)).unwrap_err()), used_elsewhere("use"));
        assert_eq!(message(elsewhere(&|| drop(wrapped.clone())).unwrap_err()), used_elsewhere("use"));
        assert_eq!(message(elsewhere(&|| drop(format!("{wrapped:?}"))).unwrap_err()), used_elsewhere("use"));

        let error = thread::spawn(move || drop(wrapped.take())).join().unwrap_err();
        assert_eq!(message(error), used_elsewhere("take the value of"));
        assert_eq!(shared.get(), 0, "nothing was set, nor dropped, on the other thread");
        assert_eq!(Rc::strong_count(&shared), 2, "the value the other thread could not take is leaked, not dropped");
    }

    #[test]
    fn another_thread_may_drop_a_value_whose_drop_runs_no_code() {
        let plain = SendWrapper::new(7_u32);
        thread::spawn(move || drop(plain)).join().expect("a u32 needs no drop");
    }

    /// Dropping a value with a destructor on another thread aborts: shown in a child process, this
    /// test binary run again with `CHILD` set, where the test does that drop.
    #[cfg(unix)]
    #[test]
    fn another_thread_dropping_a_value_with_a_drop_aborts_the_process() {
        use std::os::unix::process::ExitStatusExt;
        const CHILD: &str = "SEND_WRAPPER_ABORT_TEST_CHILD";
        const NAME: &str = "tests::another_thread_dropping_a_value_with_a_drop_aborts_the_process";
        if std::env::var_os(CHILD).is_some() {
            let owned = SendWrapper::new(String::from("needs its drop"));
            let _ = thread::spawn(move || drop(owned)).join();
            panic!("the drop on the other thread did not abort");
        }
        let test_binary = std::env::current_exe().expect("the test binary's path");
        let output = std::process::Command::new(test_binary)
            .env(CHILD, "1")
            .args(["--exact", NAME, "--nocapture"])
            .output()
            .expect("the test binary runs again");
        const SIGABRT: i32 = 6;
        assert_eq!(output.status.signal(), Some(SIGABRT), "{output:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("dropped on a thread other than the one that created it; aborting"), "{stderr}");
    }

    #[cfg(feature = "futures")]
    mod futures {
        use super::{message, used_elsewhere, SendWrapper};
        use futures_core::Stream;
        use std::future::Future;
        use std::pin::{pin, Pin};
        use std::task::{Context, Poll, Waker};
        use std::thread;

        /// Pending on its first poll, ready on the second.
        struct YieldOnce(bool);
        impl Future for YieldOnce {
            type Output = ();
            fn poll(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<()> {
                if self.0 {
                    return Poll::Ready(());
                }
                self.0 = true;
                Poll::Pending
            }
        }

        /// Counts down from its number, and says how many items are left.
        struct Countdown(u8);
        impl Stream for Countdown {
            type Item = u8;
            fn poll_next(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<u8>> {
                let item = self.0.checked_sub(1);
                self.0 = item.unwrap_or(0);
                Poll::Ready(item)
            }
            fn size_hint(&self) -> (usize, Option<usize>) {
                (self.0.into(), Some(self.0.into()))
            }
        }

        #[test]
        fn a_wrapped_future_that_borrows_itself_across_an_await_is_polled_in_place() {
            let mut cx = Context::from_waker(Waker::noop());
            let mut future = pin!(SendWrapper::new(async {
                let numbers = [1, 2, 3];
                let borrowed = &numbers;
                YieldOnce(false).await;
                borrowed.iter().sum::<i32>()
            }));
            assert_eq!(future.as_mut().poll(&mut cx), Poll::Pending);
            assert_eq!(future.as_mut().poll(&mut cx), Poll::Ready(6));
        }

        #[test]
        fn a_wrapped_stream_gives_its_items_and_its_size_hint() {
            let mut cx = Context::from_waker(Waker::noop());
            let mut stream = pin!(SendWrapper::new(Countdown(2)));
            assert_eq!(stream.size_hint(), (2, Some(2)));
            assert_eq!(stream.as_mut().poll_next(&mut cx), Poll::Ready(Some(1)));
            assert_eq!(stream.size_hint(), (1, Some(1)));
            assert_eq!(stream.as_mut().poll_next(&mut cx), Poll::Ready(Some(0)));
            assert_eq!(stream.as_mut().poll_next(&mut cx), Poll::Ready(None));
        }

        #[test]
        fn another_thread_cannot_poll_a_wrapped_future_or_stream() {
            let mut future = Box::pin(SendWrapper::new(YieldOnce(false)));
            let mut stream = Box::pin(SendWrapper::new(Countdown(1)));
            let error = thread::scope(|scope| {
                scope.spawn(|| future.as_mut().poll(&mut Context::from_waker(Waker::noop())).is_ready()).join()
            });
            assert_eq!(message(error.unwrap_err()), used_elsewhere("poll"));
            let error = thread::scope(|scope| {
                scope.spawn(|| stream.as_mut().poll_next(&mut Context::from_waker(Waker::noop())).is_ready()).join()
            });
            assert_eq!(message(error.unwrap_err()), used_elsewhere("poll"));
            assert_eq!(future.as_mut().poll(&mut Context::from_waker(Waker::noop())), Poll::Pending, "still unpolled");
            assert_eq!(stream.size_hint(), (1, Some(1)), "still unpolled");
        }
    }
}
