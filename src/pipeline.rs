//! Ingest: paths in, documents extracted and merged into a store, a report
//! out. An article that cannot be read is reported by name and skipped.

use std::fmt;
use std::path::PathBuf;

use crate::error::InputError;
use crate::ingest;
use crate::model::{Document, Entity, EntityType, Lang, Predicate, Triple};
use crate::store::{MergeStats, Store};
use crate::Extractor;

/// What an ingest did.
#[derive(Debug, Default)]
pub struct Report {
    /// Documents merged.
    pub documents: usize,
    /// Totals of the merges.
    pub stats: MergeStats,
    /// Inputs skipped, with why.
    pub skipped: Vec<InputError>,
    /// Entities and facts in the store afterwards.
    pub totals: (usize, usize),
}

impl Report {
    /// Counts one merged document.
    pub fn add(&mut self, s: MergeStats) {
        self.documents += 1;
        self.stats.new_entities += s.new_entities;
        self.stats.merged_entities += s.merged_entities;
        self.stats.new_facts += s.new_facts;
        self.stats.merged_facts += s.merged_facts;
    }

    /// The totals line, without the skipped inputs (those go to stderr).
    pub fn summary(&self) -> String {
        let s = &self.stats;
        format!(
            "{} documents: {} new entities, {} merged; {} new facts, {} merged. Store: {} entities, {} facts.\n",
            self.documents, s.new_entities, s.merged_entities, s.new_facts, s.merged_facts, self.totals.0, self.totals.1
        )
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for e in &self.skipped {
            writeln!(f, "skipped {e}")?;
        }
        f.write_str(&self.summary())
    }
}

/// Extracts every article under `paths` and merges it into `store`.
pub fn ingest(ex: &Extractor, store: &mut Store, paths: &[PathBuf]) -> Report {
    let mut report = Report::default();
    for item in ingest::list(paths) {
        match item.and_then(|p| ingest::read(&p, ingest::MAX_ARTICLE_BYTES)) {
            Ok(article) => {
                let doc = ex.extract(&article.name, &article.text).document;
                report.add(store.merge(&doc));
            }
            Err(e) => report.skipped.push(e),
        }
    }
    add_geography(ex, store);
    report.totals = (store.entity_count(), store.fact_count());
    report
}

/// The document name under which the gazetteer's geography is merged.
pub const GEOGRAPHY_DOC: &str = "gazetteer:regions";

/// Puts every country of the store in its regions (continent, "Gulf",
/// "EMEA", ...) from the gazetteer, so that "who invested in Asia" follows
/// `located_in*`. Idempotent: merging it again changes nothing.
pub fn add_geography(ex: &Extractor, store: &mut Store) {
    let gaz = ex.gazetteer();
    let mut doc = Document {
        doc: GEOGRAPHY_DOC.to_string(),
        lang: Lang::En,
        entities: Vec::new(),
        triples: Vec::new(),
    };
    let entity = |id: usize| {
        let e = gaz.entry(id);
        Entity {
            name: e.name.clone(),
            kind: e.kind,
            aliases: e.aliases.clone(),
        }
    };
    let countries: Vec<usize> = store
        .graph()
        .node_indices()
        .filter(|&n| store.node(n).kind() == EntityType::Country)
        .filter_map(|n| gaz.lookup(store.node(n).name()))
        .collect();
    for c in countries {
        let regions = &gaz.entry(c).regions;
        if regions.is_empty() {
            continue;
        }
        doc.entities.push(entity(c));
        for &r in regions {
            if !doc.entities.iter().any(|e| e.name == gaz.entry(r).name) {
                doc.entities.push(entity(r));
            }
            doc.triples.push(Triple {
                rule: Some("gazetteer.region".into()),
                ..Triple::new(&gaz.entry(c).name, Predicate::LocatedIn, &gaz.entry(r).name)
            });
        }
    }
    if !doc.triples.is_empty() {
        store.merge(&doc);
    }
}
