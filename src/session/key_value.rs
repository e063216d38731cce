//! The storage a session keeps its data in, as a small key-value interface: the browser's
//! localStorage and sessionStorage implement it in `storage.rs`, [`MemoryStorage`] in memory.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

/// Why the storage refused an operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// There is no storage (private modes, sandboxed frames, blocked site data).
    Blocked,
    /// The storage is full.
    Full,
}

/// Text values under text keys, shared with every other tab of the same site.
pub trait KeyValue {
    fn get(&self, key: &str) -> Result<Option<String>, Fault>;
    /// Replaces the value whole or not at all, so a failed write damages nothing.
    fn set(&self, key: &str, value: &str) -> Result<(), Fault>;
    fn remove(&self, key: &str);
    /// Every key present, in no particular order; none when the storage is blocked.
    fn keys(&self) -> Vec<String>;
}

/// Storage in memory. Clones share their values, as two tabs share localStorage, and it can be
/// blocked or given a capacity to play the browser's faults.
#[derive(Debug, Clone, Default)]
pub struct MemoryStorage {
    inner: Rc<RefCell<Memory>>,
}

#[derive(Debug, Default)]
struct Memory {
    values: BTreeMap<String, String>,
    blocked: bool,
    /// The most characters of keys and values it holds, when limited.
    capacity: Option<usize>,
}

impl Memory {
    fn used_without(&self, key: &str) -> usize {
        self.values.iter().filter(|(k, _)| k.as_str() != key).map(|(k, v)| k.len() + v.len()).sum()
    }
}

impl MemoryStorage {
    pub fn new() -> MemoryStorage {
        MemoryStorage::default()
    }

    /// Makes every operation fail as blocked storage does, or work again.
    pub fn set_blocked(&self, blocked: bool) {
        self.inner.borrow_mut().blocked = blocked;
    }

    /// Limits what it holds to `capacity` characters of keys and values (`None`: no limit).
    pub fn set_capacity(&self, capacity: Option<usize>) {
        self.inner.borrow_mut().capacity = capacity;
    }

    /// Every key and value, sorted by key, whatever the faults.
    pub fn snapshot(&self) -> Vec<(String, String)> {
        self.inner.borrow().values.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
    }
}

impl KeyValue for MemoryStorage {
    fn get(&self, key: &str) -> Result<Option<String>, Fault> {
        let memory = self.inner.borrow();
        if memory.blocked {
            return Err(Fault::Blocked);
        }
        Ok(memory.values.get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), Fault> {
        let mut memory = self.inner.borrow_mut();
        if memory.blocked {
            return Err(Fault::Blocked);
        }
        if memory.capacity.is_some_and(|capacity| memory.used_without(key) + key.len() + value.len() > capacity) {
            return Err(Fault::Full);
        }
        memory.values.insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&self, key: &str) {
        let mut memory = self.inner.borrow_mut();
        if !memory.blocked {
            memory.values.remove(key);
        }
    }

    fn keys(&self) -> Vec<String> {
        let memory = self.inner.borrow();
        if memory.blocked {
            return Vec::new();
        }
        memory.values.keys().cloned().collect()
    }
}
