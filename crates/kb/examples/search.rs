//! Searches the shipped guides from the command line:
//! `cargo run -p guichet-kb --example search -- "compte prepaye" [lang]`.

use guichet_kb::{Index, Library, SearchConfig};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let query = args.next().unwrap_or_default();
    let lang = args.next();
    let library = Library::builtin()?;
    let index = Index::build(library.guides(), &SearchConfig::default())?;
    for hit in index.search(&query, lang.as_deref(), 10)? {
        println!("{:>7.3}  {:<40} {}", hit.score, hit.id, hit.title);
        println!("         {}", hit.snippet.replace('\n', " "));
    }
    Ok(())
}
