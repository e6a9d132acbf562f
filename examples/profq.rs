#![allow(missing_docs)]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use newsgraph::{query, store};
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let s = store::load(std::path::Path::new(&args[1])).unwrap();
    let q = &args[2];
    let n: usize = args[3].parse().unwrap();
    let stop = std::sync::atomic::AtomicBool::new(false);
    let w = std::time::Instant::now();
    let _ = query::run(&s, q);
    eprintln!("first {:?}", w.elapsed());
    let t = std::time::Instant::now();
    let mut last = None;
    for _ in 0..n {
        let t1 = std::time::Instant::now();
        let (rows, steps) = query::run_with(&s, q, &query::Limits::new(&stop)).unwrap();
        let total = t1.elapsed().as_micros();
        let t2 = std::time::Instant::now();
        drop(rows);
        last = Some((steps, total, t2.elapsed().as_micros()));
    }
    eprintln!(
        "{:.3} ms each",
        t.elapsed().as_secs_f64() * 1000.0 / n as f64
    );
    if let Some((steps, total, dropt)) = last {
        for s in steps {
            eprintln!("  {} {} rows {} us", s.clause, s.rows, s.micros);
        }
        eprintln!("  total {total} us, drop {dropt} us");
    }
}
