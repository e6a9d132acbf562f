#![allow(missing_docs)]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use newsgraph::Extractor;
fn main() {
    let ex = Extractor::new().unwrap();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/articles");
    let mut docs: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read_to_string(e.path()).unwrap(),
            )
        })
        .collect();
    docs.sort();
    let n: usize = std::env::args().nth(1).map_or(400, |a| a.parse().unwrap());
    let bytes: usize = docs.iter().map(|d| d.1.len()).sum::<usize>() * n;
    let t = std::time::Instant::now();
    let mut k = 0;
    for _ in 0..n {
        for (a, b) in &docs {
            k += ex.extract(a, b).document.triples.len();
        }
    }
    let s = t.elapsed().as_secs_f64();
    eprintln!(
        "{k} facts, {:.3} MB/s, {:.1} us/doc",
        bytes as f64 / s / 1e6,
        s * 1e6 / (n * docs.len()) as f64
    );
}
