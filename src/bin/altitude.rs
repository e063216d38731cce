//! The `altitude` command-line tool; everything it does lives in [`altitude::cli`].

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let status = altitude::cli::run(&args, &mut std::io::stdout().lock(), &mut std::io::stderr().lock());
    std::process::exit(status);
}
