//! Exports: the store or answer rows in, text out (DOT; answers as a table,
//! box, Markdown, lines, JSON, JSON Lines, CSV or TSV).
//! Nothing here prints; callers write the strings where they belong.

pub mod dot;
pub mod graph;

use crate::query::{Cell, Row, Rows};
use crate::store::Store;

/// Output format of answer rows (the REPL's `.mode`, `ask --format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Aligned columns, a sources count, for people.
    Table,
    /// The same in a box drawn with Unicode lines.
    Box,
    /// A Markdown table.
    Markdown,
    /// One `column = value` line per cell, a blank line between rows.
    Line,
    /// `{"columns": [...], "rows": [{..., "evidence": [...]}]}`.
    Json,
    /// One JSON object per row and line, evidence included.
    Jsonl,
    /// Comma-separated values with a header.
    Csv,
    /// Tab-separated values with a header.
    Tsv,
}

impl Format {
    /// Every format, by name.
    pub const ALL: [(&'static str, Format); 8] = [
        ("table", Format::Table),
        ("box", Format::Box),
        ("markdown", Format::Markdown),
        ("line", Format::Line),
        ("json", Format::Json),
        ("jsonl", Format::Jsonl),
        ("csv", Format::Csv),
        ("tsv", Format::Tsv),
    ];

    /// Whether the format is read by people (the REPL colours and truncates it).
    pub fn is_for_people(self) -> bool {
        matches!(
            self,
            Format::Table | Format::Box | Format::Markdown | Format::Line
        )
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let name = Format::ALL
            .iter()
            .find(|(_, x)| x == self)
            .map_or("table", |(n, _)| n);
        f.write_str(name)
    }
}

impl std::str::FromStr for Format {
    type Err = String;

    /// A name of [`Format::ALL`].
    fn from_str(s: &str) -> Result<Self, String> {
        Format::ALL
            .iter()
            .find(|(n, _)| *n == s)
            .map(|(_, f)| *f)
            .ok_or_else(|| {
                let names: Vec<&str> = Format::ALL.iter().map(|(n, _)| *n).collect();
                format!("unknown format {s:?}: expected {}", names.join(", "))
            })
    }
}

/// Renders rows in `format`, reading their sources and evidence from `store`.
pub fn render(rows: &Rows, format: Format, store: &Store) -> String {
    match format {
        Format::Table => table(rows, store),
        Format::Box => drawn(
            rows,
            store,
            comfy_table::presets::UTF8_FULL_CONDENSED,
            false,
        ),
        Format::Markdown => drawn(rows, store, comfy_table::presets::ASCII_MARKDOWN, true),
        Format::Line => line(rows, store),
        Format::Json => json(rows, store),
        Format::Jsonl => jsonl(rows, store),
        Format::Csv => separated(rows, store, b','),
        Format::Tsv => separated(rows, store, b'\t'),
    }
}

/// The header and body of the formats for people: a row number, the cells,
/// and a sources count when any row rests on a sentence.
fn grid(rows: &Rows, store: &Store) -> (Vec<String>, Vec<Vec<String>>) {
    // rows that rest on no sentence (a plan, a list of entities) get no sources column
    let sourced = rows.rows.iter().any(Row::has_facts);
    let mut header: Vec<String> = vec!["#".into()];
    header.extend(rows.columns.iter().cloned());
    if sourced {
        header.push("sources".into());
    }
    let body = rows
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut line = vec![(i + 1).to_string()];
            line.extend(r.texts(store));
            if sourced {
                line.push(r.sources(store).to_string());
            }
            line
        })
        .collect();
    (header, body)
}

fn table(rows: &Rows, store: &Store) -> String {
    if rows.rows.is_empty() {
        return "(no answer)\n".to_string();
    }
    let (header, body) = grid(rows, store);
    let widths: Vec<usize> = (0..header.len())
        .map(|c| {
            std::iter::once(&header)
                .chain(&body)
                .map(|l| l.get(c).map_or(0, |s| s.chars().count()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: &[String]| {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect();
        format!("{}\n", padded.join("  ").trim_end())
    };
    let mut out = line(&header);
    out.push_str(&line(
        &widths.iter().map(|w| "-".repeat(*w)).collect::<Vec<_>>(),
    ));
    for l in &body {
        out.push_str(&line(l));
    }
    out
}

/// A table drawn by comfy-table in `style`; Markdown escapes `|` in cells.
fn drawn(rows: &Rows, store: &Store, style: comfy_table::TableStyle, markdown: bool) -> String {
    if rows.rows.is_empty() {
        return "(no answer)\n".to_string();
    }
    let (header, body) = grid(rows, store);
    let cell = |c: String| if markdown { c.replace('|', "\\|") } else { c };
    let mut t = comfy_table::Table::new();
    t.load_style(style);
    t.set_header(header.into_iter().map(cell).collect::<Vec<_>>());
    for r in body {
        t.add_row(r.into_iter().map(cell).collect::<Vec<_>>());
    }
    format!("{t}\n")
}

/// sqlite3's line mode: `column = value`, names right-aligned, rows apart.
fn line(rows: &Rows, store: &Store) -> String {
    let (header, body) = grid(rows, store);
    let width = header.iter().map(|h| h.chars().count()).max().unwrap_or(0);
    let mut out = String::new();
    for (i, r) in body.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        for (h, c) in header.iter().zip(r).skip(1) {
            let cell = format!("{h:>width$} = {c}");
            out.push_str(cell.trim_end());
            out.push('\n');
        }
    }
    out
}

/// A cell for machine formats: its number when it holds one, else its text
/// (an empty cell is null in JSON, empty in CSV).
fn machine_cell(r: &crate::query::Row, k: usize, store: &Store) -> serde_json::Value {
    let cell = r.cells.get(k).unwrap_or(&Cell::Empty);
    match cell.number() {
        Some(n) if n.fract() == 0.0 && n.abs() < 9e15 => serde_json::Value::from(n as i64),
        Some(n) => serde_json::Value::from(n),
        None => match cell.text(store) {
            text if text.is_empty() => serde_json::Value::Null,
            text => serde_json::Value::String(text.into_owned()),
        },
    }
}

/// A row as a JSON object: its cells by column, sources and evidence.
fn json_row(columns: &[String], r: &crate::query::Row, store: &Store) -> serde_json::Value {
    let mut obj = serde_json::Map::new();
    for (k, c) in columns.iter().enumerate() {
        obj.insert(c.clone(), machine_cell(r, k, store));
    }
    obj.insert("sources".into(), r.sources(store).into());
    obj.insert(
        "evidence".into(),
        serde_json::to_value(r.evidence(store)).unwrap_or_default(),
    );
    serde_json::Value::Object(obj)
}

fn jsonl(rows: &Rows, store: &Store) -> String {
    rows.rows
        .iter()
        .map(|r| format!("{}\n", json_row(&rows.columns, r, store)))
        .collect()
}

fn json(rows: &Rows, store: &Store) -> String {
    let list: Vec<serde_json::Value> = rows
        .rows
        .iter()
        .map(|r| json_row(&rows.columns, r, store))
        .collect();
    let doc = serde_json::json!({ "columns": rows.columns, "rows": list });
    format!(
        "{}\n",
        serde_json::to_string_pretty(&doc).unwrap_or_default()
    )
}

fn separated(rows: &Rows, store: &Store, delimiter: u8) -> String {
    let mut w = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(Vec::new());
    let mut header = rows.columns.clone();
    header.push("sources".into());
    let _ = w.write_record(&header);
    for r in &rows.rows {
        let mut rec: Vec<String> = (0..rows.columns.len())
            .map(|k| match machine_cell(r, k, store) {
                serde_json::Value::String(s) => s,
                serde_json::Value::Null => String::new(),
                other => other.to_string(),
            })
            .collect();
        rec.push(r.sources(store).to_string());
        let _ = w.write_record(&rec);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}
