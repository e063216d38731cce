//! The widget's entry point: mounts the app in the browser. Native builds only explain that.

#[cfg(target_arch = "wasm32")]
fn main() {
    altitude::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("altitude-web is the browser widget; build it with `make build` or run `make serve`.");
    std::process::exit(2);
}
