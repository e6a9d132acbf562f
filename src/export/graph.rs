//! Whole-store exports for other graph tools: a flat view of the store
//! (entities with stable ids, facts with numbers as numbers), then RDF
//! (N-Triples, Turtle), GraphML, node-link JSON and CSV for graph databases.
//!
//! Entity ids are stable: the folded form of the name the earliest document
//! gave, so adding an article never changes an existing id.

use std::collections::BTreeSet;
use std::io;

use oxrdf::vocab::{rdf, rdfs, xsd};
use oxrdf::{BlankNode, Literal, NamedNode, NamedOrBlankNode, Term, Triple};
use oxttl::{NTriplesSerializer, TurtleSerializer};
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use serde::Serialize;

use crate::model::{Amount, EntityType, Predicate, Quantity};
use crate::query::EvidenceRef;
use crate::store::Store;
use crate::text::name_key;

/// The namespace of newsgraph's classes and properties.
pub const NS: &str = "https://newsgraph.dev/ns#";
/// Where entity and fact IRIs live.
pub const ID: &str = "https://newsgraph.dev/id/";
const SKOS_ALT_LABEL: &str = "http://www.w3.org/2004/02/skos/core#altLabel";

/// An entity as exports see it.
#[derive(Debug, Clone, Serialize)]
pub struct EntityRow {
    /// Stable id (folded earliest name).
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Type.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Other names.
    pub aliases: Vec<String>,
}

/// A fact as exports see it: values as numbers, evidence kept.
#[derive(Debug, Clone, Serialize)]
pub struct FactRow {
    /// Subject id.
    pub source: String,
    /// Predicate.
    pub predicate: Predicate,
    /// Object id.
    pub target: String,
    /// Amount, when one is stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<Amount>,
    /// Quantity, when one is stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quantity: Option<Quantity>,
    /// Year, when one is stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// Role, for affiliations.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Evidence sentences.
    pub evidence: Vec<EvidenceRef>,
}

/// The store as rows.
#[derive(Debug, Clone, Serialize)]
pub struct View {
    /// Entities, in store order.
    pub nodes: Vec<EntityRow>,
    /// Facts, in store order.
    pub links: Vec<FactRow>,
}

/// Flattens the store.
pub fn view(store: &Store) -> View {
    let g = store.graph();
    let mut ids = std::collections::HashMap::new();
    let mut used = BTreeSet::new();
    let mut nodes = Vec::new();
    for n in g.node_indices() {
        let node = &g[n];
        // the name of the earliest document: later articles never change it
        let earliest = node
            .names
            .iter()
            .filter_map(|(name, d)| d.iter().next().map(|&doc| (doc, name)))
            .min()
            .map_or_else(|| node.name().to_string(), |(_, name)| name.clone());
        let mut id = name_key(&earliest);
        if id.is_empty() || !used.insert(id.clone()) {
            id = format!("n{}", n.index());
            used.insert(id.clone());
        }
        ids.insert(n, id.clone());
        let name = node.name().to_string();
        nodes.push(EntityRow {
            id,
            aliases: node
                .all_names()
                .filter(|a| *a != name)
                .map(String::from)
                .collect(),
            name,
            kind: node.kind(),
        });
    }
    let links = g
        .edge_indices()
        .filter_map(|e| {
            let (s, o) = g.edge_endpoints(e)?;
            let fact = &g[e];
            Some(FactRow {
                source: ids[&s].clone(),
                predicate: fact.predicate,
                target: ids[&o].clone(),
                amount: fact.amount(),
                quantity: fact.quantity(),
                year: fact.year(),
                role: fact.role().map(String::from),
                evidence: fact
                    .support
                    .iter()
                    .map(|sup| EvidenceRef::of(store, sup))
                    .collect(),
            })
        })
        .collect();
    View { nodes, links }
}

fn iri(s: String) -> NamedNode {
    // ids are alphanumeric and the namespaces fixed: always valid IRIs
    NamedNode::new_unchecked(s)
}

fn entity_iri(id: &str) -> NamedNode {
    iri(format!("{ID}entity/{id}"))
}

fn ns(local: &str) -> NamedNode {
    iri(format!("{NS}{local}"))
}

fn plain(s: &str) -> Term {
    Literal::new_simple_literal(s).into()
}

fn typed(value: String, datatype: oxrdf::NamedNodeRef<'_>) -> Term {
    Literal::new_typed_literal(value, datatype).into()
}

/// A decimal literal's lexical form: no exponent, no trailing ".0" issue.
fn decimal(v: f64) -> String {
    let s = format!("{v:.6}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s.contains('.') {
        s.to_string()
    } else {
        format!("{s}.0")
    }
}

/// Every RDF triple of the store: entities with type, labels and aliases;
/// each fact as a direct triple and, reified, with its values and evidence.
pub fn rdf_triples(store: &Store) -> Vec<Triple> {
    let v = view(store);
    let mut out = Vec::new();
    let mut add = |s: NamedOrBlankNode, p: NamedNode, o: Term| out.push(Triple::new(s, p, o));
    for e in &v.nodes {
        let s: NamedOrBlankNode = entity_iri(&e.id).into();
        add(s.clone(), rdf::TYPE.into(), ns(e.kind.as_str()).into());
        add(s.clone(), rdfs::LABEL.into(), plain(&e.name));
        for a in &e.aliases {
            add(s.clone(), iri(SKOS_ALT_LABEL.into()), plain(a));
        }
    }
    for (k, f) in v.links.iter().enumerate() {
        let (s, o) = (entity_iri(&f.source), entity_iri(&f.target));
        let p = ns(f.predicate.as_str());
        add(s.clone().into(), p.clone(), o.clone().into());
        let fact: NamedOrBlankNode = iri(format!(
            "{ID}fact/{}-{}-{}",
            f.source,
            f.predicate.as_str(),
            f.target
        ))
        .into();
        add(fact.clone(), rdf::TYPE.into(), rdf::STATEMENT.into());
        add(fact.clone(), rdf::SUBJECT.into(), s.into());
        add(fact.clone(), rdf::PREDICATE.into(), p.into());
        add(fact.clone(), rdf::OBJECT.into(), o.into());
        if let Some(a) = &f.amount {
            add(
                fact.clone(),
                ns("amount"),
                typed(decimal(a.value), xsd::DECIMAL),
            );
            add(fact.clone(), ns("currency"), plain(&a.currency));
        }
        if let Some(q) = &f.quantity {
            add(
                fact.clone(),
                ns("quantity"),
                typed(decimal(q.value), xsd::DECIMAL),
            );
            add(fact.clone(), ns("unit"), plain(&q.unit));
        }
        if let Some(y) = f.year {
            add(
                fact.clone(),
                ns("year"),
                typed(format!("{y:04}"), xsd::G_YEAR),
            );
        }
        if let Some(r) = &f.role {
            add(fact.clone(), ns("role"), plain(r));
        }
        for (j, ev) in f.evidence.iter().enumerate() {
            let b: NamedOrBlankNode = BlankNode::new_unchecked(format!("e{k}x{j}")).into();
            add(fact.clone(), ns("evidence"), b.clone().into());
            add(b.clone(), ns("document"), plain(&ev.doc));
            add(
                b.clone(),
                ns("start"),
                typed(ev.start.to_string(), xsd::INTEGER),
            );
            add(
                b.clone(),
                ns("end"),
                typed(ev.end.to_string(), xsd::INTEGER),
            );
            add(b.clone(), ns("sentence"), plain(&ev.text));
            if let Some(rule) = &ev.rule {
                add(b, ns("rule"), plain(rule));
            }
        }
    }
    out
}

/// N-Triples of the store.
pub fn ntriples(store: &Store) -> io::Result<Vec<u8>> {
    let mut w = NTriplesSerializer::new().for_writer(Vec::new());
    for t in &rdf_triples(store) {
        w.serialize_triple(t)?;
    }
    Ok(w.finish())
}

/// Turtle of the store, with `ng:`, `e:`, `rdfs:` and `skos:` prefixes.
pub fn turtle(store: &Store) -> io::Result<Vec<u8>> {
    let mut ser = TurtleSerializer::new();
    for (prefix, ns) in [
        ("ng", NS.to_string()),
        ("e", format!("{ID}entity/")),
        ("rdfs", "http://www.w3.org/2000/01/rdf-schema#".to_string()),
        ("skos", "http://www.w3.org/2004/02/skos/core#".to_string()),
    ] {
        ser = ser.with_prefix(prefix, ns).map_err(io::Error::other)?;
    }
    let mut w = ser.for_writer(Vec::new());
    for t in &rdf_triples(store) {
        w.serialize_triple(t)?;
    }
    w.finish()
}

/// Node-link JSON (networkx's `node_link_graph` reads it with `edges="links"`).
pub fn node_link_json(store: &Store) -> String {
    #[derive(Serialize)]
    struct NodeLink<'a> {
        directed: bool,
        multigraph: bool,
        graph: serde_json::Map<String, serde_json::Value>,
        #[serde(flatten)]
        view: &'a View,
    }
    let v = view(store);
    serde_json::to_string_pretty(&NodeLink {
        directed: true,
        multigraph: true,
        graph: serde_json::Map::new(),
        view: &v,
    })
    .unwrap_or_default()
}

/// GraphML for networkx, Gephi and yEd: node type and aliases; edge
/// predicate, amount, currency, quantity, unit, year and evidence count.
pub fn graphml(store: &Store) -> io::Result<Vec<u8>> {
    let v = view(store);
    let mut w = quick_xml::Writer::new_with_indent(Vec::new(), b' ', 1);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
        .map_err(io::Error::other)?;
    let mut root = BytesStart::new("graphml");
    root.push_attribute(("xmlns", "http://graphml.graphdrawing.org/xmlns"));
    w.write_event(Event::Start(root))
        .map_err(io::Error::other)?;
    let keys: &[(&str, &str, &str, &str)] = &[
        ("name", "node", "name", "string"),
        ("type", "node", "type", "string"),
        ("aliases", "node", "aliases", "string"),
        ("predicate", "edge", "predicate", "string"),
        ("amount", "edge", "amount", "double"),
        ("currency", "edge", "currency", "string"),
        ("quantity", "edge", "quantity", "double"),
        ("unit", "edge", "unit", "string"),
        ("year", "edge", "year", "int"),
        ("role", "edge", "role", "string"),
        ("evidence", "edge", "evidence", "int"),
    ];
    for (id, target, name, ty) in keys {
        let mut k = BytesStart::new("key");
        k.push_attribute(("id", *id));
        k.push_attribute(("for", *target));
        k.push_attribute(("attr.name", *name));
        k.push_attribute(("attr.type", *ty));
        w.write_event(Event::Empty(k)).map_err(io::Error::other)?;
    }
    let mut graph = BytesStart::new("graph");
    graph.push_attribute(("id", "newsgraph"));
    graph.push_attribute(("edgedefault", "directed"));
    w.write_event(Event::Start(graph))
        .map_err(io::Error::other)?;
    let data = |w: &mut quick_xml::Writer<Vec<u8>>, key: &str, value: &str| -> io::Result<()> {
        let mut d = BytesStart::new("data");
        d.push_attribute(("key", key));
        w.write_event(Event::Start(d)).map_err(io::Error::other)?;
        w.write_event(Event::Text(BytesText::new(value)))
            .map_err(io::Error::other)?;
        w.write_event(Event::End(BytesEnd::new("data")))
            .map_err(io::Error::other)
    };
    for n in &v.nodes {
        let mut e = BytesStart::new("node");
        e.push_attribute(("id", n.id.as_str()));
        w.write_event(Event::Start(e)).map_err(io::Error::other)?;
        data(&mut w, "name", &n.name)?;
        data(&mut w, "type", n.kind.as_str())?;
        data(&mut w, "aliases", &n.aliases.join("|"))?;
        w.write_event(Event::End(BytesEnd::new("node")))
            .map_err(io::Error::other)?;
    }
    for (k, f) in v.links.iter().enumerate() {
        let mut e = BytesStart::new("edge");
        let id = format!("f{k}");
        e.push_attribute(("id", id.as_str()));
        e.push_attribute(("source", f.source.as_str()));
        e.push_attribute(("target", f.target.as_str()));
        w.write_event(Event::Start(e)).map_err(io::Error::other)?;
        data(&mut w, "predicate", f.predicate.as_str())?;
        if let Some(a) = &f.amount {
            data(&mut w, "amount", &a.value.to_string())?;
            data(&mut w, "currency", &a.currency)?;
        }
        if let Some(q) = &f.quantity {
            data(&mut w, "quantity", &q.value.to_string())?;
            data(&mut w, "unit", &q.unit)?;
        }
        if let Some(y) = f.year {
            data(&mut w, "year", &y.to_string())?;
        }
        if let Some(r) = &f.role {
            data(&mut w, "role", r)?;
        }
        data(&mut w, "evidence", &f.evidence.len().to_string())?;
        w.write_event(Event::End(BytesEnd::new("edge")))
            .map_err(io::Error::other)?;
    }
    w.write_event(Event::End(BytesEnd::new("graph")))
        .map_err(io::Error::other)?;
    w.write_event(Event::End(BytesEnd::new("graphml")))
        .map_err(io::Error::other)?;
    Ok(w.into_inner())
}

/// `nodes.csv` and `edges.csv` in the shape Kuzu's `COPY FROM` and
/// `neo4j-admin database import` take (`id:ID`, `:LABEL`, `:START_ID`,
/// `:END_ID`, `:TYPE`; numbers typed in the header).
pub fn csv_tables(store: &Store) -> io::Result<(Vec<u8>, Vec<u8>)> {
    let v = view(store);
    let mut nodes = csv::Writer::from_writer(Vec::new());
    nodes.write_record(["id:ID", "name", "aliases", ":LABEL"])?;
    for n in &v.nodes {
        nodes.write_record([
            n.id.as_str(),
            n.name.as_str(),
            &n.aliases.join("|"),
            n.kind.as_str(),
        ])?;
    }
    let mut edges = csv::Writer::from_writer(Vec::new());
    edges.write_record([
        ":START_ID",
        ":END_ID",
        ":TYPE",
        "amount:double",
        "currency",
        "quantity:double",
        "unit",
        "year:int",
        "role",
        "evidence:int",
    ])?;
    let num = |v: Option<f64>| v.map(|x| x.to_string()).unwrap_or_default();
    for f in &v.links {
        edges.write_record([
            f.source.as_str(),
            f.target.as_str(),
            f.predicate.as_str(),
            &num(f.amount.as_ref().map(|a| a.value)),
            f.amount.as_ref().map_or("", |a| a.currency.as_str()),
            &num(f.quantity.as_ref().map(|q| q.value)),
            f.quantity.as_ref().map_or("", |q| q.unit.as_str()),
            &f.year.map(|y| y.to_string()).unwrap_or_default(),
            f.role.as_deref().unwrap_or(""),
            &f.evidence.len().to_string(),
        ])?;
    }
    let done =
        |w: csv::Writer<Vec<u8>>| w.into_inner().map_err(|e| io::Error::other(e.to_string()));
    Ok((done(nodes)?, done(edges)?))
}
